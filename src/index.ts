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

import { convertDockerfile, lintDockerfile, marshalBuild, marshalImage, normalizePlatform, type ConvertOptions, type Image, type LintOptions } from './dockerfile/convert/index.ts';
import type { LintResult } from './dockerfile/lint/index.ts';
import { computeOutline, listTargets } from './dockerfile/outline/index.ts';
import type { Outline, TargetList } from './subrequests/index.ts';
import type { Platform } from './dockerfile/convert/index.ts';
import { parse as parseDockerfile, type ParseResult } from './dockerfile/parser/index.ts';
import { DockerfileError } from './dockerfile/errors.ts';
import { parseConfig } from './dockerui/index.ts';
import { argumentError, checkOptions, checkStrings, describeValue, isPlatformObject } from './llb/args.ts';
import { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage } from './registry/resolver.ts';

export { connect, build, BuildOptionError, ConnectError, CancelledError, Connection } from './client/build.ts';
export type { BuildOptions, BuildResult, ConnectOptions } from './client/build.ts';
export type { StatusResponse, Vertex, VertexStatus, VertexLog, VertexWarning } from './gen/moby.buildkit.v1.ts';
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

/** The Dockerfile's bytes; anything but a string or a Uint8Array (a Buffer is one) is the caller's mistake. */
function bytes(fn: string, dockerfile: unknown): Uint8Array {
  if (typeof dockerfile === 'string') return new TextEncoder().encode(dockerfile);
  if (dockerfile instanceof Uint8Array) return dockerfile;
  throw argumentError(fn, 'the Dockerfile', 'a string or a Uint8Array', dockerfile);
}

/** What convert, lint and outline take besides the converter's options. */
export interface LibraryOptions {
  /**
   * Stops waiting for the conversion when aborted (e.g. AbortSignal.timeout(10_000)):
   * the call rejects with the signal's reason. An image resolver that never
   * answers would otherwise keep the call pending forever, as a daemon that
   * never answers keeps upstream's frontend waiting.
   */
  signal?: AbortSignal;
}

type OptionCheck = 'string' | 'boolean' | 'function' | 'strings' | 'record' | 'platform' | 'platforms' | 'resolver' | 'signal' | readonly string[] | undefined;

/**
 * Every option the library's functions take, with what its value must be
 * (undefined: not checked here; the converter reads it as its type says).
 * Checked at compile time to name every key of ConvertOptions.
 */
const OPTIONS = {
  ast: undefined,
  channel: ['stable', 'labs'],
  readInclude: 'function',
  importedAs: undefined,
  imports: undefined,
  target: 'string',
  buildArgs: 'record',
  labels: 'record',
  targetPlatform: 'platform',
  buildPlatforms: 'platforms',
  multiPlatformRequested: 'boolean',
  imageResolver: 'resolver',
  llbCaps: undefined,
  filename: 'string',
  sessionId: 'string',
  excludePatterns: 'strings',
  dockerIgnorePatterns: 'function',
  mainContext: undefined,
  dockerfileSource: undefined,
  dockerfileDefinition: undefined,
  imageResolveMode: ['default', 'pull', 'local'],
  networkMode: ['sandbox', 'host', 'none'],
  hostname: 'string',
  extraHosts: undefined,
  shmSize: undefined,
  cgroupParent: 'string',
  ulimits: undefined,
  linuxResources: undefined,
  cacheIdNamespace: 'string',
  noCache: 'strings',
  lintWarn: 'function',
  checkConfig: undefined,
  allStages: 'boolean',
  namedContexts: 'record',
  localSharedKeys: 'record',
  localSessionIds: 'record',
  inputMetadata: 'record',
  contextHooks: undefined,
  resolveSourceTime: 'function',
  signal: 'signal',
} as const satisfies Record<keyof (ConvertOptions & LibraryOptions), OptionCheck>;

/** Options lint() does not take (it runs the checks itself, on every stage). */
const NOT_LINT: ReadonlySet<string> = new Set(['lintWarn', 'checkConfig', 'allStages'] satisfies (keyof ConvertOptions)[]);

function checkOption(fn: string, key: string, v: unknown, check: OptionCheck): void {
  const bad = (want: string): never => {
    throw argumentError(fn, `option ${key}`, want, v);
  };
  if (check === undefined) return;
  if (Array.isArray(check)) {
    if (!check.includes(v as string)) bad(`one of ${check.map((c) => JSON.stringify(c)).join(', ')}`);
  } else if (check === 'string' || check === 'boolean' || check === 'function') {
    if (typeof v !== check) bad(`a ${check}`);
  } else if (check === 'strings') {
    checkStrings(fn, `option ${key}`, v);
  } else if (check === 'record') {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) bad('an object of string values');
    for (const [k, value] of Object.entries(v as object)) {
      if (typeof value !== 'string' && value !== undefined) throw new TypeError(`${fn}: option ${key}: the value of ${JSON.stringify(k)} must be a string, not ${describeValue(value)}`);
    }
  } else if (check === 'platform') {
    if (!isPlatformObject(v)) bad(`a platform object { os, architecture, variant? } (parsePlatform('${typeof v === 'string' ? v : 'linux/arm64'}') makes one from a string)`);
  } else if (check === 'platforms') {
    if (!Array.isArray(v) || !v.every(isPlatformObject)) bad('an array of platform objects { os, architecture, variant? }');
  } else if (check === 'signal') {
    if (!(v instanceof AbortSignal)) bad('an AbortSignal');
  } else if (check === 'resolver') {
    if (typeof v !== 'object' || v === null || typeof (v as { resolve?: unknown }).resolve !== 'function') bad('an object with a resolve(ref, options) method');
  }
}

/**
 * A caller's resolver, given the caller's signal in its options and answering
 * as the converter expects: whatever it throws
 * or rejects with becomes an Error, and an answer that is no ResolvedImage is
 * refused with a message saying so, instead of failing deep in the converter.
 */
function checkedResolver(r: ImageResolver, signal: AbortSignal | undefined): ImageResolver {
  return {
    daemon: r.daemon,
    async resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
      let res: unknown;
      try {
        res = await r.resolve(ref, signal === undefined ? opts : { ...opts, signal });
      } catch (err) {
        if (err instanceof Error) throw err;
        throw new ImageResolveError(typeof err === 'string' ? err : `the image resolver failed with ${describeValue(err)}`);
      }
      const a = (typeof res === 'object' && res !== null ? res : {}) as Partial<Record<keyof ResolvedImage, unknown>>;
      if (typeof a.ref !== 'string' || typeof a.digest !== 'string' || !(a.config instanceof Uint8Array)) {
        throw new ImageResolveError(
          `the image resolver's answer for ${ref} is not { ref: string, digest: string, config: Uint8Array } (got ${typeof res === 'object' && res !== null ? `{ ${Object.keys(res).join(', ')} }` : describeValue(res)})`,
        );
      }
      return { ref: a.ref, digest: a.digest, config: a.config };
    },
  };
}

/**
 * The caller's options, checked (unknown keys and values of the wrong type
 * are refused: a misspelt option would otherwise be ignored), then read as the
 * frontend reads its options (dockerui): the special build args
 * (BUILDKIT_MULTI_PLATFORM, BUILDKIT_SANDBOX_HOSTNAME, BUILDKIT_CACHE_MOUNT_NS,
 * the removed BUILDKIT_DISABLE_FILEOP) with upstream's errors, the build
 * platform the worker's (linux/amd64) unless buildPlatforms names it, and the
 * platforms normalized (parsePlatform('arm') converts for linux/arm/v7, as
 * `--platform arm` does).
 */
function libraryOptions(fn: string, options: unknown): ConvertOptions & LibraryOptions {
  if (options === undefined || options === null) return libraryOptions(fn, {});
  checkOptions(fn, options);
  const o: ConvertOptions & LibraryOptions = {};
  for (const [key, v] of Object.entries(options as object)) {
    if (!Object.hasOwn(OPTIONS, key) || (fn === 'lint' && NOT_LINT.has(key))) {
      throw new TypeError(`${fn}: unknown option ${JSON.stringify(key)}${key === 'platform' ? ' (the target platform is targetPlatform)' : ''}`);
    }
    if (v === undefined) continue;
    const check = OPTIONS[key as keyof typeof OPTIONS];
    checkOption(fn, key, v, check);
    // A key whose value is undefined is not given (`{ A: process.env.A }`), as `--build-arg A` passes no A when $A is unset.
    (o as Record<string, unknown>)[key] = check === 'record' ? Object.fromEntries(Object.entries(v as object).filter((e) => e[1] !== undefined)) : v;
  }
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
    imageResolver: o.imageResolver && checkedResolver(o.imageResolver, o.signal),
    targetPlatform: o.targetPlatform && normalizePlatform(o.targetPlatform),
    buildPlatforms: (o.buildPlatforms ?? cfg.buildPlatforms).map((p) => normalizePlatform(p)),
  };
}

/**
 * The work's promise, or the signal's reason once it aborts (the work itself
 * goes on to its end unobserved: the converter has no way to stop it).
 */
function abortable<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (signal === undefined) return work();
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Converts a Dockerfile to LLB, as BuildKit v0.32.2's Dockerfile frontend
 * would for the same options. Throws a DockerfileError (with the line) for a
 * Dockerfile that cannot be built.
 */
export async function convert(dockerfile: string | Uint8Array, options: ConvertOptions & LibraryOptions = {}): Promise<ConvertOutput> {
  const { signal, ...opt } = libraryOptions('convert', options);
  const data = bytes('convert', dockerfile);
  // Build checks run as in the frontend, which always has a warning sink: `# check=error=true` fails the conversion.
  const res = await abortable(signal, () => convertDockerfile(data, { ...opt, lintWarn: opt.lintWarn ?? ((): void => {}) }));
  // What upstream cannot marshal (a string that is no UTF-8 in the LLB, a
  // SOURCE_DATE_EPOCH past year 9999 in the image config) fails the build
  // with its message and no line, as the CLI's llb reports it.
  const definition = marshalBuild(res.state).encode();
  let imageConfig: string;
  try {
    imageConfig = marshalImage(res.image);
  } catch (err) {
    throw new DockerfileError((err as Error).message);
  }
  return { definition, image: res.image, imageConfig, platform: res.platform };
}

/**
 * Runs BuildKit's build checks (`docker build --call check`). A Dockerfile
 * that cannot be built is reported in `buildError`, not thrown.
 */
export async function lint(dockerfile: string | Uint8Array, options: LintOptions & LibraryOptions = {}): Promise<LintResult> {
  const { signal, ...opt } = libraryOptions('lint', options);
  const data = bytes('lint', dockerfile);
  return abortable(signal, () => lintDockerfile(data, opt));
}

/** The build args, secrets and SSH sockets a target uses (`--call outline`), for the conversion options given. */
export async function outline(dockerfile: string | Uint8Array, options: ConvertOptions & LibraryOptions = {}): Promise<Outline> {
  const { signal, ...opt } = libraryOptions('outline', options);
  const data = bytes('outline', dockerfile);
  return abortable(signal, () => computeOutline(data, opt));
}

/** Parses a Dockerfile into its instructions, as BuildKit's parser does. Throws a DockerfileError for a Dockerfile that does not parse. */
export function parse(dockerfile: string | Uint8Array): ParseResult {
  return parseDockerfile(typeof dockerfile === 'string' ? dockerfile : bytes('parse', dockerfile));
}

/** The stages a Dockerfile can build (`--call targets`). */
export function targets(dockerfile: string | Uint8Array): TargetList {
  return listTargets(bytes('targets', dockerfile));
}
