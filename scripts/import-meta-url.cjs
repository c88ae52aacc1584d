// Injected into the CommonJS bundle by scripts/build.mjs: what import.meta.url
// would be there (the bundle's own file URL), made on first use: only the
// lint pack asks, and a file URL costs ~0.3 ms of every start made at load.
let url;
export const importMeta = {
  get url() {
    url ??= require('node:url').pathToFileURL(__filename).href;
    return url;
  },
};
