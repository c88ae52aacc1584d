import type { Platform } from '../platform/platform.js';
export type ResolveMode = 'default' | 'pull' | 'local';
export interface ResolveOptions {
    platform: Platform;
    resolveMode?: ResolveMode;
    /**
     * Set to look the reference up in an OCI layout the client holds (a named
     * context `oci-layout://store@digest`: upstream's ResolveOCILayoutOpt)
     * instead of a registry. Resolvers without layout access may treat it like
     * a registry reference.
     */
    ociLayout?: {
        sessionId: string;
        storeId: string;
    };
    /** The progress name of the lookup, when not the resolver's default (named contexts: `[context NAME] load metadata for REF`). */
    logName?: string;
}
export interface ResolvedImage {
    /** The reference that was resolved (BuildKit's possibly policy-mutated ref; here the input). */
    ref: string;
    /** Digest of the manifest or index the reference points at. */
    digest: string;
    /** The raw OCI image config JSON of the chosen platform. */
    config: Uint8Array;
}
export interface ImageResolver {
    resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage>;
}
/** A resolution failure; the message follows containerd/BuildKit where they have one. */
export declare class ImageResolveError extends Error {
    constructor(message: string);
}
