// Injected into the CommonJS bundle by scripts/build.mjs: what import.meta.url
// would be there (the bundle's own file URL).
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
