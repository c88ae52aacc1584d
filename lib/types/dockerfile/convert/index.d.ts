export { convertDockerfile } from './convert.js';
export type { ConvertOptions, ConvertResult, DispatchedStage, ImageResolveMode, NetMode, NamedContextHooks } from './types.js';
export { namedContextOptions } from './named-context.js';
export { marshalImage, imageToJSON, parseImage, type Image } from './image.js';
export { parsePlatform, formatPlatform, formatPlatformAll, DEFAULT_PLATFORM, type Platform } from './platform.js';
export { parseUlimits, parseLinuxResources, parseExtraHosts, type Ulimit } from './frontend-opts.js';
