import { type Platform } from '../platform/platform.js';
export declare function defaultPlatform(): Platform;
