/** Configs by the digest a reference resolved to and the platform (formatPlatformAll). */
export interface ConfigCache {
    get(digest: string, platform: string): Uint8Array | undefined;
    put(digest: string, platform: string, config: Uint8Array): void;
}
export interface CachedRef {
    digest: string;
    config: Uint8Array;
}
/** The default directory: $XDG_CACHE_HOME/dockerfile-llb/images (~/.cache/...). */
export declare function defaultCacheDir(env?: NodeJS.ProcessEnv): string;
export declare class DiskConfigCache implements ConfigCache {
    readonly dir: string;
    constructor(dir: string);
    private read;
    private write;
    private blob;
    private putBlob;
    get(digest: string, platform: string): Uint8Array | undefined;
    put(digest: string, platform: string, config: Uint8Array): void;
    private refFile;
    /** What REF last resolved to for PLATFORM. */
    getRef(ref: string, platform: string): CachedRef | undefined;
    putRef(ref: string, platform: string, resolved: CachedRef): void;
}
