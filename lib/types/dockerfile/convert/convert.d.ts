import { type Image } from './image.js';
import { formatPlatformAll, type Platform } from './platform.js';
import type { ConvertOptions, ConvertResult } from './types.js';
/** Converts a Dockerfile for one target platform. Throws DockerfileError for user mistakes. */
export declare function convertDockerfile(text: string | Uint8Array, opt?: ConvertOptions): Promise<ConvertResult>;
export { formatPlatformAll, type Image, type Platform };
