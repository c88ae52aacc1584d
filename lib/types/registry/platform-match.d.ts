import { type Platform } from '../platform/platform.js';
export interface PlatformMatcher {
    match(p: Platform): boolean;
}
/** A matcher that also ranks two platforms (containerd's MatchComparer). */
export interface PlatformComparer extends PlatformMatcher {
    less(a: Platform, b: Platform): boolean;
}
/** containerd's NewMatcher: same normalized os/arch/variant, compatible features. */
export declare function newMatcher(wanted: Platform, host?: Platform): PlatformMatcher;
/** The platforms `p` can run, best first (containerd's platformVector). */
export declare function platformVector(p: Platform): Platform[];
/** containerd's Ordered: earlier platforms are preferred. */
export declare function orderedComparer(platforms: readonly Platform[], host?: Platform): PlatformComparer;
/** containerd's platforms.Only: what BuildKit uses to resolve an image for a platform. */
export declare function onlyPlatform(wanted: Platform, host?: Platform): PlatformComparer;
/** Go's sort.SliceStable, in place. */
export declare function goStableSort<T>(a: T[], less: (x: T, y: T) => boolean): void;
/**
 * The index entries BuildKit would consider, best first: those without a
 * platform or matching `comparer`, sorted stably with platform-less ones last
 * (containerd's childrenConfigHandler + LimitManifests).
 */
export declare function rankManifests<T extends {
    platform?: Platform;
}>(entries: readonly T[], comparer: PlatformComparer): T[];
