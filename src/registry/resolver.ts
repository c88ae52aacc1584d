// The contract between the Dockerfile converter and whatever finds base
// images: given a normalized reference and a platform, return the image's
// digest and config, as BuildKit's ResolveImageConfig does. The digest is the
// one the reference resolved to at the top: for a multi-platform image that is
// the index digest, not the chosen platform's manifest (util/imageutil.Config
// returns the top descriptor's digest), which is what FROM pins.
import type { Platform } from '../platform/platform.ts';

export type ResolveMode = 'default' | 'pull' | 'local';

export interface ResolveOptions {
  platform: Platform;
  /**
   * The caller named no platform (a named context whose stage has no
   * --platform: upstream asks the daemon without one, which then takes its
   * own). `platform` is then the build platform, for resolvers without a daemon.
   */
  platformUnset?: boolean;
  resolveMode?: ResolveMode;
  /**
   * Set to look the reference up in an OCI layout the client holds (a named
   * context `oci-layout://store@digest`: upstream's ResolveOCILayoutOpt)
   * instead of a registry. Resolvers without layout access may treat it like
   * a registry reference.
   */
  ociLayout?: { sessionId: string; storeId: string };
  /** The progress name of the lookup, when not the resolver's default (named contexts: `[context NAME] load metadata for REF`). */
  logName?: string;
  /**
   * The library caller's signal (its `signal` option): once it aborts nobody
   * waits for the answer, and a resolver should stop its requests
   * (RegistryResolver does), which would otherwise keep the process alive.
   */
  signal?: AbortSignal;
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
  /**
   * Calls to the daemon through the gateway, which a cancelled context stops
   * (upstream's frontend process). The resolvers of files and registries
   * answer whatever happened meanwhile, as upstream's resolvers in process do.
   */
  readonly daemon?: boolean;
}

/**
 * The daemon's answer that a source policy turned the image into a source of
 * another kind (imageutil.ResolveToNonImageError): `updated` is the new
 * source's identifier. A named context is loaded again as that source.
 */
export class ResolveToNonImageError extends Error {
  constructor(
    readonly ref: string,
    readonly updated: string,
  ) {
    super(`ref mutated by policy to non-image: docker-image://${ref} -> ${updated}`);
    this.name = 'ResolveToNonImageError';
  }
}

/** A resolution failure; the message follows containerd/BuildKit where they have one. */
export class ImageResolveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageResolveError';
  }
}
