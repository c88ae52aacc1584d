// How the CLI commands that convert (llb, lint, outline) find base images:
// --image-metadata FILE offline, else the registries (src/registry/cli-resolver.ts),
// with --resolve-mode (upstream's image-resolve-mode) and --no-resolve-cache;
// lint and outline also take --offline (stand-in base images).

import type { ImageResolveMode } from '../dockerfile/convert/index.ts';
import { MetadataFileResolver } from '../registry/metadata-file.ts';
import { ImageResolveError, type ImageResolver } from '../registry/resolver.ts';
import { describeErrno } from '../go/os.ts';
import { CliError, oneOf, placeholderResolver } from './common.ts';

/** The parseArgs options of image resolution. */
export const resolveOptions = {
  'image-metadata': { type: 'string' },
  'resolve-mode': { type: 'string' },
  'no-resolve-cache': { type: 'boolean' },
} as const;

/** Their lines in a command's usage. */
export const RESOLVE_USAGE = `  --image-metadata FILE   base image configs from FILE, offline (default: from their registries,
                          with ~/.docker/config.json's credentials; localhost over plain HTTP)
  --resolve-mode M        default|pull|local, as BuildKit's image-resolve-mode (default: the
                          registry, else the last answer cached; local: the cache first)
  --no-resolve-cache      neither read nor write the config cache (~/.cache/dockerfile-llb/images)
`;

/** --offline, for the commands that can do without real base images. */
export const offlineOption = { offline: { type: 'boolean' } } as const;

export const OFFLINE_USAGE = `  --offline               resolve no base image: each is taken to be an empty image of the
                          target platform (no ENV; InvalidBaseImagePlatform cannot fire)
`;

export interface ResolveArgs {
  imageMetadata?: string;
  resolveMode?: ImageResolveMode;
  noResolveCache: boolean;
  offline: boolean;
}

export function resolveArgs(
  cmd: string,
  v: { 'image-metadata'?: unknown; 'resolve-mode'?: unknown; 'no-resolve-cache'?: unknown; offline?: unknown },
): ResolveArgs {
  const mode = typeof v['resolve-mode'] === 'string' ? v['resolve-mode'] : undefined;
  const a = {
    imageMetadata: typeof v['image-metadata'] === 'string' ? v['image-metadata'] : undefined,
    resolveMode: mode === undefined ? undefined : oneOf<ImageResolveMode>(cmd, '--resolve-mode', mode, ['default', 'pull', 'local'], 'default'),
    noResolveCache: v['no-resolve-cache'] === true,
    offline: v.offline === true,
  };
  if (a.offline && a.imageMetadata !== undefined) throw new CliError(`${cmd}: --offline and --image-metadata exclude each other`, 2);
  return a;
}

/** The resolver the arguments ask for; with --offline a note saying what that loses goes to stderr. */
export function imageResolverFor(cmd: string, a: ResolveArgs, offlineNote = ''): ImageResolver {
  if (a.offline) {
    process.stderr.write(`${cmd}: --offline: ${offlineNote}\n`);
    return placeholderResolver;
  }
  if (a.imageMetadata !== undefined) {
    try {
      return MetadataFileResolver.fromFile(a.imageMetadata);
    } catch (err) {
      // The file's own errors name it; a file that cannot be read is named here.
      throw new CliError(`${cmd}: ${err instanceof ImageResolveError ? err.message : `--image-metadata ${a.imageMetadata}: ${describeErrno(err as NodeJS.ErrnoException)}`}`);
    }
  }
  // The registry client (HTTP, TLS, credential helpers) is loaded when the
  // first base image is resolved: a Dockerfile with none, or an option
  // error, does without it.
  const cache = !a.noResolveCache;
  let registries: Promise<ImageResolver> | undefined;
  return {
    resolve: (ref, opts) => (registries ??= import('../registry/cli-resolver.ts').then((m) => m.cliImageResolver({ cache }))).then((r) => r.resolve(ref, opts)),
  };
}
