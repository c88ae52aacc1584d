// The one place a FrontendConfig becomes the converter's options. What the
// conversion needs from outside comes through ports: the gateway answers them
// through the daemon, the CLI from files, the tests from the oracle's fixed
// answers (and a registry client can be plugged in as the resolver).

import type { CapSet } from '../llb/caps.ts';
import type { State } from '../llb/index.ts';
import type { SourceDefinition } from '../llb/sourcemap.ts';
import type { ConvertOptions, NamedContextHooks } from '../dockerfile/convert/types.ts';
import type { LintWarnFunc } from '../dockerfile/lint/linter.ts';
import type { ImageResolver } from '../registry/resolver.ts';
import type { FrontendConfig } from './config.ts';
import type { RemoteContext } from './context.ts';
import { DOCKERIGNORE, contextIgnoreSource, dockerIgnorePatterns, readIgnoreFile, type LocalFileReader } from './ignore.ts';

/** What a conversion asks of its surroundings; without a port its offline default applies. */
export interface Ports {
  /** Resolves base images and image named contexts. Without it a base image is an error. */
  resolver?: ImageResolver;
  /** Reads the .dockerignore files of the client's local directories. Without it none is read. */
  readLocalFile?: LocalFileReader;
  /** Receives the build-check findings. Without it no check runs. */
  warn?: LintWarnFunc;
  /** The gateway's inputs, for `input:NAME` contexts. Without it there are none. */
  inputs?: () => Promise<Record<string, State>>;
  /** The time of a source, for SOURCE_DATE_EPOCH=context|<named context>|<stage> (ConvertOptions.resolveSourceTime). */
  resolveSourceTime?: ConvertOptions['resolveSourceTime'];
  /** Reads the files labs INCLUDE and imported stages name, beside the Dockerfile. Without it they are an error. */
  readInclude?: ConvertOptions['readInclude'];
}

/** What the frontend knows about the build besides its options. */
export interface BuildSource {
  /** The build's session (the local sources'). */
  sessionId?: string;
  /** The daemon's LLB capabilities; undefined means all. */
  llbCaps?: CapSet;
  /** The Dockerfile's name when not the config's (a downloaded plain Dockerfile is `context`). */
  filename?: string;
  /**
   * A .dockerignore already read: `<Dockerfile>.dockerignore` found beside
   * the Dockerfile (or the file an offline caller names). It replaces the
   * context's `.dockerignore`, which is then not read.
   */
  ignoreFile?: Uint8Array;
  /** ignoreFile's name in errors (default `.dockerignore`). */
  ignoreFileName?: string;
  /** A git or HTTP build context: used as it is, with no .dockerignore. */
  remote?: RemoteContext;
  /**
   * The build context a parent frontend gave as the input named `context`
   * (after contextsubdir): used as it is, with no .dockerignore, as dockerui
   * uses it.
   */
  inputContext?: State;
  /**
   * The definition the Dockerfile was read through (the local `dockerfilekey`
   * names in its `local-sessionid:` session, a frontend input, or a remote
   * context), as the source map records it (dockerui's smap.Definition).
   */
  dockerfileDefinition?: SourceDefinition;
}

/**
 * The converter's options for a build of `cfg`, for its first target
 * platform (a caller building several sets targetPlatform per build; they
 * share one read of the .dockerignore).
 */
export function convertOptions(cfg: FrontendConfig, ports: Ports = {}, source: BuildSource = {}): ConvertOptions {
  const { remote, sessionId } = source;
  const read = ports.readLocalFile;
  const hooks: NamedContextHooks = {};
  if (read !== undefined) {
    // Solved with Evaluate, as dockerui's named context does: a failed solve fails
    // the build; a read error counts as no file, as upstream ignores it.
    hooks.localIgnorePatterns = async (st) => {
      const data = await read(st, DOCKERIGNORE, { evaluate: true });
      return data !== undefined && data.length > 0 ? readIgnoreFile(data) : [];
    };
  }
  if (ports.inputs !== undefined) hooks.inputs = ports.inputs;
  const contextSession = Object.hasOwn(cfg.localSessionIds, cfg.contextLocalName) ? cfg.localSessionIds[cfg.contextLocalName] : sessionId;
  const readContextIgnore = (): Promise<Uint8Array | undefined> =>
    read === undefined ? Promise.resolve(undefined) : read(contextIgnoreSource(cfg.contextLocalName, contextSession), DOCKERIGNORE);
  return {
    target: cfg.target,
    buildArgs: { ...cfg.buildArgs },
    labels: cfg.labels,
    targetPlatform: cfg.targetPlatforms[0],
    buildPlatforms: cfg.buildPlatforms,
    multiPlatformRequested: cfg.multiPlatform,
    imageResolver: ports.resolver,
    llbCaps: source.llbCaps,
    filename: source.filename ?? cfg.filename,
    sessionId,
    dockerIgnorePatterns: remote === undefined && source.inputContext === undefined ? dockerIgnorePatterns(source.ignoreFile, readContextIgnore, source.ignoreFileName) : undefined,
    mainContext: remote?.context ?? source.inputContext,
    dockerfileSource: remote !== undefined && !cfg.forceLocalDockerfile ? remote.dockerfile : undefined,
    dockerfileDefinition: source.dockerfileDefinition,
    imageResolveMode: cfg.imageResolveMode,
    networkMode: cfg.networkMode,
    hostname: cfg.hostname || undefined,
    extraHosts: cfg.extraHosts.length > 0 ? cfg.extraHosts : undefined,
    shmSize: cfg.shmSize || undefined,
    cgroupParent: cfg.cgroupParent || undefined,
    ulimits: cfg.ulimits.length > 0 ? cfg.ulimits : undefined,
    linuxResources: cfg.linuxResources,
    cacheIdNamespace: cfg.cacheIdNamespace || undefined,
    noCache: cfg.noCache,
    channel: cfg.channel,
    namedContexts: cfg.namedContexts,
    localSharedKeys: cfg.localSharedKeys,
    localSessionIds: cfg.localSessionIds,
    inputMetadata: cfg.inputMetadata,
    contextHooks: hooks,
    resolveSourceTime: ports.resolveSourceTime,
    readInclude: ports.readInclude,
    lintWarn: ports.warn,
  };
}
