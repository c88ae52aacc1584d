// The converter's inputs and outputs. It knows nothing about gRPC: callers
// give it a Dockerfile, options and an image resolver, and get LLB states
// plus an image config back.

import type { CapSet } from '../../llb/caps.ts';
import type { LinuxResources, State } from '../../llb/index.ts';
import type { SourceDefinition } from '../../llb/sourcemap.ts';
import type { Image } from './image.ts';
import type { Platform } from './platform.ts';
import type { ImageResolver } from '../../registry/resolver.ts';
import type { CheckConfig } from '../lint/config.ts';
import type { LintWarnFunc } from '../lint/linter.ts';
import type { OutlineCapture } from './outline-capture.ts';
import type { ParseResult } from '../parser/index.ts';
import type { Channel } from '../channel.ts';
import type { SourceFile } from '../errors.ts';

export type ImageResolveMode = 'default' | 'pull' | 'local';

/** A `ulimit` entry (go-units Ulimit): applied to every RUN. */
export interface Ulimit {
  name: string;
  /** int64: a bigint beyond 2^53. */
  soft: number | bigint;
  hard: number | bigint;
}
export type NetMode = 'sandbox' | 'host' | 'none';

export interface ConvertOptions {
  /**
   * The parse of exactly this Dockerfile when the caller already has one
   * (the lint pack parses first); never changed by the conversion.
   */
  ast?: ParseResult;
  /** The syntax channel (default stable: upstream's stable frontend; labs: docs/labs.md). */
  channel?: Channel;
  /**
   * Reads a file INCLUDE names (labs), by its path relative to the
   * Dockerfile's directory: from the Dockerfile's own source through the
   * gateway, from the disk beside -f in the CLI. Undefined for a missing file.
   */
  readInclude?: IncludeReader;
  /** Set when this Dockerfile is one a build imports a stage from (labs): its locations are in this file. */
  importedAs?: SourceFile;
  /** The imports one build shares (labs; set for the imported files' conversions). */
  imports?: ImportScope;
  /** Stage to build (case-insensitive); the last stage when empty. */
  target?: string;
  buildArgs?: Record<string, string>;
  /** `label:` options: merged into the final image last. */
  labels?: Record<string, string>;
  /** The platform to build for; when undefined the build platform is used ("implicit"). */
  targetPlatform?: Platform;
  /** Worker platforms; the first is the build platform. Default linux/amd64. */
  buildPlatforms?: Platform[];
  /** True when several platforms were requested: progress names get a platform prefix. */
  multiPlatformRequested?: boolean;
  imageResolver?: ImageResolver;
  /** LLB capabilities of the daemon; undefined means all. */
  llbCaps?: CapSet;
  /** The Dockerfile's name in source locations (default `Dockerfile`). */
  filename?: string;
  /** Session id of the local sources (the build context and the Dockerfile). */
  sessionId?: string;
  /** Patterns from .dockerignore (local.excludepatterns of the build context). */
  excludePatterns?: string[];
  /**
   * The build context's .dockerignore patterns, read when asked for (upstream's
   * Client.DockerIgnorePatterns): the converter asks where upstream's does,
   * before the stages are dispatched (or when SOURCE_DATE_EPOCH names the
   * build context), and uses them as excludePatterns. A rejection is the
   * conversion's error at that point. See src/dockerui.
   */
  dockerIgnorePatterns?: () => Promise<string[] | undefined>;
  /**
   * The build context when it is not the `context` local (a git or HTTP
   * context, already scoped by contextsubdir): used as it is, without follow
   * paths or exclude patterns.
   */
  mainContext?: State;
  /** The source the Dockerfile was read from, for source maps (default: the `dockerfile` local). */
  dockerfileSource?: State;
  /** That source already marshaled, as the gateway solved it to read the Dockerfile: the source map records it as it is (before dockerfileSource). */
  dockerfileDefinition?: SourceDefinition;
  imageResolveMode?: ImageResolveMode;
  networkMode?: NetMode;
  hostname?: string;
  extraHosts?: { host: string; ip: string }[];
  shmSize?: number | bigint;
  cgroupParent?: string;
  /** `ulimit` option (see parseUlimits); applied to every RUN when the daemon has exec.meta.ulimit. */
  ulimits?: Ulimit[];
  /** Resource options (see parseLinuxResources); OpMetadata.linux_resources of every RUN with exec.meta.linux.resources. */
  linuxResources?: LinuxResources;
  cacheIdNamespace?: string;
  /** `no-cache`: undefined = none, [] = every stage, or stage names. */
  noCache?: string[];
  /** Receives build-check findings in the order they fire; without it no check runs. */
  lintWarn?: LintWarnFunc;
  /** The BUILDKIT_DOCKERFILE_CHECK configuration; when undefined the `# check=` directive applies. */
  checkConfig?: CheckConfig;
  /** Resolve and dispatch every stage, not only the ones the target needs (the lint subrequest). */
  allStages?: boolean;
  /**
   * Named build contexts: the frontend's `context:NAME` and
   * `context:NAME::os/arch` options, keyed without the `context:` prefix
   * (`{"alpine": "docker-image://busybox", "src": "local:src"}`). They replace
   * stages, FROM bases, COPY --from and RUN --mount from sources; see
   * named-context.ts. src/dockerui's parseConfig extracts these four maps
   * from frontend options.
   */
  namedContexts?: Record<string, string>;
  /** `sharedkey:localdir:NAME` options (NAME as in namedContexts): a local context's shared key suffix. */
  localSharedKeys?: Record<string, string>;
  /** `local-sessionid:LOCALNAME` options: the session of a `local:LOCALNAME` context (default sessionId). */
  localSessionIds?: Record<string, string>;
  /** `input-metadata:INPUT` options: JSON metadata (image config) of an `input:INPUT` context. */
  inputMetadata?: Record<string, string>;
  /** What loading named contexts needs from the gateway. */
  contextHooks?: NamedContextHooks;
  /**
   * The time of a source (the gateway's ResolveSourceMeta: a git commit's
   * committer time, HTTP Last-Modified, else the newest regular file of an
   * HTTP archive), for SOURCE_DATE_EPOCH=context, =<named context> or
   * =<stage> (see epoch.ts); undefined when the source has none. Without it
   * those forms fail once their source is found.
   */
  resolveSourceTime?: (source: SourceRef, logName: string) => Promise<SourceTime | undefined>;
}

/** A source op: what the converter asks the gateway about. */
/** What one build shares between the conversions of the files it imports. */
export interface ImportScope {
  /** Conversions by `file#stage@platform`. */
  readonly cache: Map<string, Promise<ImportedStage>>;
  /** The files being converted, outermost first (an import of one of them is a cycle). */
  readonly chain: readonly string[];
  /**
   * How many instructions the build's included files and imported files have
   * added so far (each counted every time it is included or imported), for
   * the limit on them (include.ts, MAX_ADDED_INSTRUCTIONS).
   */
  readonly added: { instructions: number };
}

export interface ImportedStage {
  state: State;
  image: Image;
  /** The imported stage as the outline reads it. */
  target: DispatchedStage;
}

/**
 * Reads a file INCLUDE or an imported stage names (labs): `path` is relative
 * to the Dockerfile's directory (normalised, never leaving it). Undefined
 * when there is no such file.
 */
export type IncludeReader = (path: string) => Promise<Uint8Array | undefined>;

export interface SourceRef {
  identifier: string;
  attrs: Record<string, string>;
}

/** A point in time with the UTC offset it was recorded in (git committer times keep theirs). */
export interface SourceTime {
  seconds: bigint;
  nanos: number;
  offsetSeconds: number;
}

/** Gateway operations named contexts use; without them the oracle's empty answers apply. */
export interface NamedContextHooks {
  /**
   * The patterns of a `local:` context's .dockerignore: solves `st` (a local
   * source following only `.dockerignore`) and reads them; none when the file
   * does not exist. Without the hook no patterns are excluded.
   */
  localIgnorePatterns?(st: State): Promise<string[]>;
  /** The gateway's inputs, for `input:NAME` contexts. Without the hook there are none. */
  inputs?(): Promise<Record<string, State>>;
}

export interface ConvertResult {
  /** The target stage's state, with marshal defaults (platform) applied. */
  state: State;
  image: Image;
  baseImage: Image | undefined;
  /** The platform the build ran for. */
  platform: Platform;
  /**
   * What an SBOM scan covers (upstream's Result.SBOM): the target, and the
   * build context and stages that BUILDKIT_SBOM_SCAN_CONTEXT /
   * BUILDKIT_SBOM_SCAN_STAGE add, keyed by "context" or stage name.
   */
  sbom: { core: State; extras: Map<string, State> };
  /** The target or a scanned stage ignores the cache (upstream's IsIgnoreCache). */
  isIgnoreCache: boolean;
  /** The resolved SOURCE_DATE_EPOCH in seconds (result metadata `source.date.epoch`), if any. */
  epochSeconds?: bigint;
  /** The target stage as dispatched: what the outline view reads (upstream's Outline of the target dispatchState). */
  target: DispatchedStage;
}

/** A dispatched stage as the views see it: the stage it builds on, the stages it reads from, what it recorded. */
export interface DispatchedStage {
  readonly stage: { readonly name: string; readonly docComment: string };
  readonly base: DispatchedStage | undefined;
  /** In order of first use. */
  readonly deps: ReadonlyMap<DispatchedStage, unknown>;
  readonly outline: OutlineCapture;
  /** The stage of another Dockerfile it starts from or reads (labs). */
  readonly imported?: DispatchedStage;
  /** Labs RUN --no-cache: a step of the stage (or one it is built on) skips the cache, so every step built on it must too. */
  readonly noCacheAfter: boolean;
}
