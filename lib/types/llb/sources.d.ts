import type { ConstraintsOptions } from './constraints.js';
import type { Platform } from '../platform/platform.js';
import { State } from './state.js';
/** The empty filesystem. */
export declare function scratch(): State;
export type ResolveMode = 'default' | 'pull' | 'local';
export interface ImageOptions extends ConstraintsOptions {
    /** image.resolvemode: "default" (omitted from attrs), "pull" or "local". */
    readonly resolveMode?: ResolveMode;
    /** Mark the image as internal (image.recordtype "internal"). */
    readonly internal?: boolean;
    /** image.layerlimit */
    readonly layerLimit?: number;
    /** image.checksum: the expected manifest digest. */
    readonly checksum?: string;
}
/** Resolves an image's config for `resolvedImage` (a registry client, a gateway, ...). */
export interface ImageMetaResolver {
    resolveImageConfig(ref: string, opts: {
        platform?: Platform;
        resolveMode: string;
    }): Promise<{
        ref: string;
        digest?: string;
        config: Uint8Array;
    }>;
}
/** A container image (docker-image://); the reference is normalised (alpine -> docker.io/library/alpine:latest). */
export declare function image(ref: string, opts?: ImageOptions): State;
/**
 * An image whose config is fetched first, so the state starts with the
 * image's Env, WorkingDir and platform (Go's llb.Image with WithMetaResolver).
 * With `resolveDigest`, the image is pinned to the digest the resolver returns.
 */
export declare function resolvedImage(ref: string, resolver: ImageMetaResolver, opts?: ImageOptions & {
    readonly resolveDigest?: boolean;
}): Promise<State>;
export interface LocalOptions extends ConstraintsOptions {
    readonly sessionId?: string;
    readonly includePatterns?: readonly string[];
    readonly excludePatterns?: readonly string[];
    readonly followPaths?: readonly string[];
    readonly sharedKeyHint?: string;
    /** local.differ: "none" or "metadata"; `required` also records the capability. */
    readonly differ?: {
        readonly type: 'none' | 'metadata';
        readonly required?: boolean;
    };
    /** Transfer metadata only, except for these paths (local.metadatatransfer). */
    readonly metadataOnly?: {
        readonly exceptions?: readonly string[];
    };
}
/** A directory sent by the client (local://name). */
export declare function local(name: string, opts?: LocalOptions): State;
export interface GitOptions extends ConstraintsOptions {
    readonly ref?: string;
    readonly subdir?: string;
    readonly keepGitDir?: boolean;
    /** Secret names for HTTP auth; default GIT_AUTH_TOKEN / GIT_AUTH_HEADER. Setting either records the httpauth cap. */
    readonly authTokenSecret?: string;
    readonly authHeaderSecret?: string;
    /** known_hosts lines for SSH remotes. */
    readonly knownSSHHosts?: string;
    /** SSH agent id for SSH remotes (default "default"). */
    readonly mountSSHSock?: string;
    readonly checksum?: string;
    readonly skipSubmodules?: boolean;
    /** git.mtime, e.g. "commit". */
    readonly mtime?: string;
    readonly fetchByCommit?: boolean;
}
/**
 * A git repository (git://). `fragment` is "ref[:subdir]" as in Dockerfile
 * git URLs. Unlike Go, an SSH remote without `knownSSHHosts` is not key-scanned.
 */
export declare function git(url: string, fragment?: string, opts?: GitOptions): State;
export interface HTTPOptions extends ConstraintsOptions {
    /** The expected digest of the file (http.checksum). */
    readonly checksum?: string;
    readonly filename?: string;
    /** Permission bits of the downloaded file. */
    readonly chmod?: number;
    readonly chown?: {
        readonly uid: number;
        readonly gid: number;
    };
    readonly authHeaderSecret?: string;
    readonly header?: {
        readonly accept?: string;
        readonly userAgent?: string;
    };
}
/** A file downloaded over HTTP(S); the identifier is the URL itself. */
export declare function http(url: string, opts?: HTTPOptions): State;
export interface OCILayoutOptions extends ConstraintsOptions {
    /** The session and store that hold the layout (oci.session, oci.store). */
    readonly store?: {
        readonly sessionId: string;
        readonly storeId: string;
    };
    readonly layerLimit?: number;
}
/** An image from an OCI layout held by the client (oci-layout://). */
export declare function ociLayout(ref: string, opts?: OCILayoutOptions): State;
/** Layers stacked in order; scratch inputs are dropped, a single input is returned as is. */
export declare function merge(inputs: readonly State[], opts?: ConstraintsOptions): State;
/** The changes that turn `lower` into `upper`. */
export declare function diff(lower: State, upper: State, opts?: ConstraintsOptions): State;
