// The image resolver the CLI uses when no --image-metadata file is given: the
// registry client with the Docker CLI's credentials, plain HTTP for
// localhost, and (unless turned off) the on-disk config cache, with
// BuildKit's image resolve modes mapped onto that cache as onto the worker's
// image store (source/containerimage, util/resolver):
//   default  the registry; if it fails, what the reference resolved to before
//   pull     the registry only
//   local    what the reference resolved to before; else the registry
import { DiskConfigCache, defaultCacheDir } from './config-cache.ts';
import { dockerCredentials } from './credentials.ts';
import { formatPlatformAll } from '../platform/platform.ts';
import { RegistryResolver } from './registry-client.ts';
import { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage } from './resolver.ts';

export interface CliResolverOptions {
  /** Keep configs on disk (default true). */
  cache?: boolean;
  /** The cache directory (default defaultCacheDir(env)). */
  cacheDir?: string;
  /** Where DOCKER_CONFIG, HOME and XDG_CACHE_HOME are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Registry domain -> mirror hosts, e.g. {"docker.io": ["localhost:5000"]}. */
  mirrors?: Record<string, readonly string[]>;
  /** Hosts spoken to over plain HTTP besides localhost. */
  insecureHosts?: readonly string[];
}

/** BuildKit's wording for a base image that cannot be resolved. */
function failed(ref: string, err: unknown): ImageResolveError {
  return new ImageResolveError(`failed to resolve source metadata for ${ref}: ${err instanceof Error ? err.message : String(err)}`);
}

export function cliImageResolver(options: CliResolverOptions = {}): ImageResolver {
  const inner = uncachedResolver(options);
  // One resolution (its answer or its error) per reference and options for the process, as the
  // daemon's resolver answers a build's stages from one lookup: a Dockerfile of 500 stages on one
  // base asked the registry 500 times (97 s when it could not be reached, each failure waited for).
  const seen = new Map<string, Promise<ResolvedImage>>();
  return {
    resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
      const key = JSON.stringify([ref, formatPlatformAll(opts.platform), opts.platformUnset === true, opts.resolveMode ?? 'default', opts.ociLayout ?? null]);
      let p = seen.get(key);
      if (p === undefined) {
        p = inner.resolve(ref, opts);
        seen.set(key, p);
      }
      return p.then((r) => ({ ...r }));
    },
  };
}

function uncachedResolver(options: CliResolverOptions): ImageResolver {
  const env = options.env ?? process.env;
  const disk = options.cache === false ? undefined : new DiskConfigCache(options.cacheDir ?? defaultCacheDir(env));
  const registry = new RegistryResolver({
    credentials: dockerCredentials(env),
    configCache: disk,
    mirrors: options.mirrors,
    insecureHosts: options.insecureHosts,
  });
  if (disk === undefined) {
    return {
      resolve: (ref, opts) => registry.resolve(ref, opts).catch((err: unknown) => Promise.reject(failed(ref, err))),
    };
  }
  return {
    async resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
      const platform = formatPlatformAll(opts.platform);
      const mode = opts.resolveMode ?? 'default';
      if (mode === 'local') {
        const hit = disk.getRef(ref, platform);
        if (hit !== undefined) return { ref, ...hit };
      }
      let resolved: ResolvedImage;
      try {
        resolved = await registry.resolve(ref, opts);
      } catch (err) {
        const hit = mode === 'default' ? disk.getRef(ref, platform) : undefined;
        if (hit === undefined) throw failed(ref, err);
        return { ref, ...hit };
      }
      disk.putRef(ref, platform, resolved);
      return resolved;
    },
  };
}
