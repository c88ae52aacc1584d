// The package's root entry point (`import { convert, connect } from 'dockerfile-llb'`):
// the Dockerfile side of the project as a library, and the BuildKit client.
// The LLB SDK is the second entry point, `dockerfile-llb/llb` (src/llb/index.ts).
//
// parse, convert, lint, outline and targets run offline; base images are
// resolved through the `imageResolver` option (a registry client, a metadata
// file, or your own). connect() reaches buildkitd (BUILDKIT_HOST, or the
// default socket, or an address given); build() runs a Dockerfile build on it
// with the options of the `dockerfile-llb build` command, our frontend
// running in this process.

import { convertDockerfile, lintDockerfile, marshalImage, normalizePlatform, type ConvertOptions, type Image, type LintOptions } from './dockerfile/convert/index.ts';
import type { LintResult } from './dockerfile/lint/index.ts';
import { computeOutline, listTargets } from './dockerfile/outline/index.ts';
import type { Outline, TargetList } from './subrequests/index.ts';
import type { Platform } from './dockerfile/convert/index.ts';
import { DockerfileError } from './dockerfile/errors.ts';
import { parseConfig } from './dockerui/index.ts';

export { connect, build, BuildOptionError, ConnectError, CancelledError, Connection } from './client/build.ts';
export type { BuildOptions, BuildResult, ConnectOptions } from './client/build.ts';
export type { StatusResponse, Vertex, VertexStatus, VertexLog, VertexWarning } from './gen/moby.buildkit.v1.ts';
export { parse } from './dockerfile/parser/index.ts';
export type { ParseResult, InstructionNode, Heredoc, Directive, ParseWarning } from './dockerfile/parser/index.ts';
export { DockerfileError } from './dockerfile/errors.ts';
export { parsePlatform, formatPlatform } from './dockerfile/convert/index.ts';
export type { ConvertOptions, Image, Platform, LintOptions, LintResult, Outline, TargetList };
export type { LintWarning, LintBuildError, JsonLocation, JsonRange, JsonPosition } from './dockerfile/lint/results.ts';
export { RegistryResolver, type RegistryResolverOptions } from './registry/registry-client.ts';
export { MetadataFileResolver, type ImageMetadata, type ImageMetadataEntry } from './registry/metadata-file.ts';
export { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage, type ResolveMode } from './registry/resolver.ts';

export interface ConvertOutput {
  /** The marshaled pb.Definition, as `buildctl build` reads it on stdin. */
  definition: Uint8Array;
  /** The image config the build would produce. */
  image: Image;
  /** `image` as BuildKit writes it (containerimage.config bytes). */
  imageConfig: string;
  /** The platform the build is for. */
  platform: Platform;
}

function bytes(dockerfile: string | Uint8Array): Uint8Array {
  return typeof dockerfile === 'string' ? new TextEncoder().encode(dockerfile) : dockerfile;
}

/**
 * The options read as the frontend reads its own (dockerui): the special
 * build args (BUILDKIT_MULTI_PLATFORM, BUILDKIT_SANDBOX_HOSTNAME,
 * BUILDKIT_CACHE_MOUNT_NS, the removed BUILDKIT_DISABLE_FILEOP) with
 * upstream's errors, the build platform the worker's (linux/amd64) unless
 * buildPlatforms names it, and the platforms normalized
 * (parsePlatform('arm') converts for linux/arm/v7, as `--platform arm` does).
 */
function frontendOptions<T extends ConvertOptions>(o: T): T {
  const buildArgs = o.buildArgs ?? {};
  let cfg;
  try {
    cfg = parseConfig(new Map(Object.entries(buildArgs).map(([k, v]) => [`build-arg:${k}`, v])));
  } catch (err) {
    throw new DockerfileError((err as Error).message);
  }
  return {
    ...o,
    buildArgs: { ...buildArgs },
    multiPlatformRequested: o.multiPlatformRequested ?? cfg.multiPlatform,
    hostname: cfg.hostname || o.hostname,
    cacheIdNamespace: cfg.cacheIdNamespace || o.cacheIdNamespace,
    targetPlatform: o.targetPlatform && normalizePlatform(o.targetPlatform),
    buildPlatforms: (o.buildPlatforms ?? cfg.buildPlatforms).map((p) => normalizePlatform(p)),
  };
}

/**
 * Converts a Dockerfile to LLB, as BuildKit v0.32.2's Dockerfile frontend
 * would for the same options. Throws a DockerfileError (with the line) for a
 * Dockerfile that cannot be built.
 */
export async function convert(dockerfile: string | Uint8Array, options: ConvertOptions = {}): Promise<ConvertOutput> {
  const opt = frontendOptions(options);
  // Build checks run as in the frontend, which always has a warning sink: `# check=error=true` fails the conversion.
  const res = await convertDockerfile(bytes(dockerfile), { ...opt, lintWarn: opt.lintWarn ?? ((): void => {}) });
  return {
    definition: res.state.marshal().encode(),
    image: res.image,
    imageConfig: marshalImage(res.image),
    platform: res.platform,
  };
}

/**
 * Runs BuildKit's build checks (`docker build --call check`). A Dockerfile
 * that cannot be built is reported in `buildError`, not thrown.
 */
export function lint(dockerfile: string | Uint8Array, options: LintOptions = {}): Promise<LintResult> {
  return lintDockerfile(bytes(dockerfile), frontendOptions(options));
}

/** The build args, secrets and SSH sockets a target uses (`--call outline`), for the conversion options given. */
export function outline(dockerfile: string | Uint8Array, options: ConvertOptions = {}): Promise<Outline> {
  return computeOutline(bytes(dockerfile), frontendOptions(options));
}

/** The stages a Dockerfile can build (`--call targets`). */
export function targets(dockerfile: string | Uint8Array): TargetList {
  return listTargets(bytes(dockerfile));
}
