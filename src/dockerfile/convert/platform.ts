// Platforms as containerd's platforms package parses, normalizes and prints
// them, plus the converter's platform options and automatic platform args.

import { formatPlatformAll, type Platform } from '../../platform/platform.ts';

export type { Platform } from '../../platform/platform.ts';
export { formatPlatform, formatPlatformAll, normalizePlatform, parsePlatform } from '../../platform/platform.ts';

/** The platform containerd picks on an amd64 Linux host (the oracle's build platform too). */
export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

export function samePlatform(a: Platform, b: Platform): boolean {
  return formatPlatformAll(a) === formatPlatformAll(b);
}

export interface PlatformOpt {
  targetPlatform: Platform;
  buildPlatforms: Platform[];
  /** True when no target platform was requested (the build platform is used). */
  implicitTarget: boolean;
}

export function buildPlatformOpt(target: Platform | undefined, buildPlatforms: Platform[] | undefined): PlatformOpt {
  let bps = buildPlatforms;
  if (target !== undefined && bps === undefined) bps = [target];
  if (bps === undefined || bps.length === 0) bps = [DEFAULT_PLATFORM];
  return { targetPlatform: target ?? bps[0], buildPlatforms: bps, implicitTarget: target === undefined };
}

/** When the base image's os/arch is another build platform, build on that one. */
export function autoDetectPlatform(imgOS: string, imgArch: string, target: Platform, supported: Platform[]): Platform {
  if (target.os === imgOS && target.architecture === imgArch) return target;
  for (const p of supported) if (p.os === imgOS && p.architecture === imgArch) return p;
  return target;
}
