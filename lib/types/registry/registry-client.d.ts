import type { CredentialLookup } from './credentials.js';
import type { ConfigCache } from './config-cache.js';
import { type ImageResolver, type ResolveOptions, type ResolvedImage } from './resolver.js';
export interface RegistryResolverOptions {
    /** Registry domain -> mirror hosts tried before it, e.g. {"docker.io": ["localhost:5000"]}. */
    mirrors?: Record<string, readonly string[]>;
    /** Hosts spoken to over plain HTTP besides localhost and loopback addresses. */
    insecureHosts?: readonly string[];
    /** Injected for proxies or tests; defaults to the global fetch. */
    fetch?: typeof fetch;
    /** Credentials per registry host (e.g. dockerCredentials()); anonymous when absent or undefined for a host. */
    credentials?: CredentialLookup;
    /** Image configs kept by the digest a reference resolved to, and platform. */
    configCache?: ConfigCache;
}
/** containerd's MatchLocalhost: localhost or a loopback IP, any port. */
export declare function isLocalhost(host: string): boolean;
export declare class RegistryResolver implements ImageResolver {
    private readonly options;
    private readonly fetchFn;
    /** `Authorization` values by host and scope. */
    private readonly authorizations;
    private readonly cache;
    constructor(options?: RegistryResolverOptions);
    resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage>;
    private endpoints;
    private resolveNamed;
    /** From a manifest or index down to the chosen platform's config bytes. */
    private walkToConfig;
    private url;
    /**
     * GET with registry auth: on a 401, answer the challenge (a bearer token
     * fetched anonymously or with the host's credentials, or basic auth with
     * them) and retry once.
     */
    private get;
    private fetchManifest;
    private fetchBlob;
}
