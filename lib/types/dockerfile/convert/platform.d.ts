import { type Platform } from '../../platform/platform.js';
export type { Platform } from '../../platform/platform.js';
export { formatPlatform, formatPlatformAll, normalizePlatform, parsePlatform } from '../../platform/platform.js';
/** The platform containerd picks on an amd64 Linux host (the oracle's build platform too). */
export declare const DEFAULT_PLATFORM: Platform;
export declare function samePlatform(a: Platform, b: Platform): boolean;
export interface PlatformOpt {
    targetPlatform: Platform;
    buildPlatforms: Platform[];
    /** True when no target platform was requested (the build platform is used). */
    implicitTarget: boolean;
}
export declare function buildPlatformOpt(target: Platform | undefined, buildPlatforms: Platform[] | undefined): PlatformOpt;
/** When the base image's os/arch is another build platform, build on that one. */
export declare function autoDetectPlatform(imgOS: string, imgArch: string, target: Platform, supported: Platform[]): Platform;
