import type { CapSet } from '../../llb/caps.js';
import type { LinuxResources, State } from '../../llb/index.js';
import type { Ulimit } from './frontend-opts.js';
import type { Image } from './image.js';
import type { Platform } from './platform.js';
import type { ImageResolver } from '../../registry/resolver.js';
import type { CheckConfig } from '../lint/config.js';
import type { LintWarnFunc } from '../lint/linter.js';
import type { OutlineCapture } from './outline-capture.js';
export type ImageResolveMode = 'default' | 'pull' | 'local';
export type NetMode = 'sandbox' | 'host' | 'none';
export interface ConvertOptions {
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
     * The .dockerignore patterns while they are still being read (the gateway
     * starts reading them before converting): awaited where upstream's
     * converter asks its client for them, before the stages are dispatched
     * (or when SOURCE_DATE_EPOCH names the build context), then used as
     * excludePatterns. A rejection is the conversion's error at that point.
     */
    pendingExcludePatterns?: Promise<string[] | undefined>;
    /**
     * The build context when it is not the `context` local (a git or HTTP
     * context, already scoped by contextsubdir): used as it is, without follow
     * paths or exclude patterns.
     */
    mainContext?: State;
    /** The source the Dockerfile was read from, for source maps (default: the `dockerfile` local). */
    dockerfileSource?: State;
    imageResolveMode?: ImageResolveMode;
    networkMode?: NetMode;
    hostname?: string;
    extraHosts?: {
        host: string;
        ip: string;
    }[];
    shmSize?: number;
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
     * named-context.ts. `namedContextOptions` extracts these four maps from
     * frontend options.
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
     * Solves `st` (a local source following only `filename`) and reads the
     * file; undefined when it does not exist. Used for a `local:` context's
     * .dockerignore. Without the hook no patterns are excluded.
     */
    readLocalFile?(st: State, filename: string): Promise<Uint8Array | undefined>;
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
    sbom: {
        core: State;
        extras: Map<string, State>;
    };
    /** The target or a scanned stage ignores the cache (upstream's IsIgnoreCache). */
    isIgnoreCache: boolean;
    /** The resolved SOURCE_DATE_EPOCH in seconds (result metadata `source.date.epoch`), if any. */
    epochSeconds?: bigint;
    /** The target stage as dispatched: what the outline view reads (upstream's Outline of the target dispatchState). */
    target: DispatchedStage;
}
/** A dispatched stage as the views see it: the stage it builds on, the stages it reads from, what it recorded. */
export interface DispatchedStage {
    readonly stage: {
        readonly name: string;
        readonly docComment: string;
    };
    readonly base: DispatchedStage | undefined;
    /** In order of first use. */
    readonly deps: ReadonlyMap<DispatchedStage, unknown>;
    readonly outline: OutlineCapture;
}
