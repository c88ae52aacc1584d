// Named build contexts (`--build-context NAME=VALUE`, the frontend options
// `context:NAME` and `context:NAME::os/arch`), following upstream's
// dockerui.Client.NamedContext and NamedContext.load.
//
// Where the converter asks (upstream's call sites in dockerfile2llb):
//   - a named stage: `FROM ... AS build` is replaced by context `build`
//     (platform: the stage's --platform, else the target platform);
//   - a FROM base, COPY --from=<image> and RUN --mount from=<image> (every
//     reference that is not a stage): the base name normalized and tagged
//     (`docker.io/library/alpine:3.19`), turned back into its familiar form
//     without `:latest` (`alpine:3.19`, `alpine`, `ghcr.io/x/y:1`), with the
//     resolve platform.
// For each, `NAME::os/arch[/variant]` (the platform normalized) is tried
// before `NAME`. `scratch` and `context` never name a context.
//
// Values: `docker-image://REF` (or `scratch`), `local:NAME`, `git` URLs
// (also `git@host:...`), `http(s)://` (git when it looks like a repository),
// `oci-layout://STORE@sha256:...` and `input:NAME`.
// An image context a source policy turns into a source of another kind (the
// resolver's ResolveToNonImageError) is loaded again as that source, its
// option changed for the rest of the build, at most 10 times.

import * as llb from '../../llb/index.ts';
import { marshalVertex, Output, type MarshalContext, type Vertex } from '../../llb/vertex.ts';
import * as reference from '../../registry/reference.ts';
import { DockerfileError } from '../errors.ts';
import { hostPlatform } from '../../platform/platform.ts';
import { ResolveToNonImageError, type ImageResolver } from '../../registry/resolver.ts';
import { parseGitRef } from './gitref.ts';
import { goQuote } from '../../go/strconv.ts';
import { parseImage, type Image } from './image.ts';
import { normalizeContextPaths } from './paths.ts';
import { formatPlatformAll, normalizePlatform, type Platform } from './platform.ts';
import type { ConvertOptions, ImageResolveMode, NamedContextHooks } from './types.ts';
import { EMPTY_IMAGE_NAME } from './util.ts';
import { goDecodeUTF8, goEqualFold } from '../../go/strings.ts';
import { goUnmarshal } from '../../go/unmarshal.ts';

const DOCKERIGNORE = '.dockerignore';
const IMAGE_CONFIG_KEY = 'containerimage.config';

/** A context option that matched (upstream's NamedContext, before Load). */
export interface NamedContext {
  /** The value, e.g. `docker-image://alpine`. */
  input: string;
  /** The familiar name looked up. */
  name: string;
  /** The key that matched: `name::os/arch` or `name`. */
  nameWithPlatform: string;
  /** `sharedkey:localdir:<nameWithPlatform>`. */
  sharedKey: string;
  opt: ContextOpt;
}

/** Upstream's dockerui.ContextOpt (NoDockerignore is never set by the converter). */
export interface ContextOpt {
  platform: Platform | undefined;
  resolveMode: ImageResolveMode;
  /** The stage's used paths, read when the local source is marshaled (upstream's AsyncLocalOpts). */
  asyncLocalPaths: () => Iterable<string>;
}

/** What a context loads to: a state and, for images, their config. */
export interface LoadedContext {
  state: llb.State;
  image: Image | undefined;
}

/**
 * The context that replaces `name`, if any (upstream's namedContextFunc and
 * Client.NamedContext). Throws for a name that is no valid reference, as
 * upstream does even when no context is set.
 */
export function findNamedContext(opt: ConvertOptions, name: string, copt: ContextOpt): NamedContext | undefined {
  if (goEqualFold(name, EMPTY_IMAGE_NAME) || goEqualFold(name, 'context')) return undefined;
  const c: ContextOpt = { ...copt, platform: copt.platform ?? opt.targetPlatform };
  let named: reference.NamedReference;
  try {
    named = reference.parseNormalizedNamed(name);
  } catch (err) {
    throw new DockerfileError(`invalid context name ${name}: ${(err as Error).message}`);
  }
  let familiar = reference.familiarString(named);
  if (familiar.endsWith(':latest')) familiar = familiar.slice(0, -':latest'.length);
  // Upstream's platforms.DefaultSpec(): the frontend's own platform.
  const p = c.platform ?? hostPlatform();
  const pname = `${familiar}::${formatPlatformAll(normalizePlatform(p))}`;
  return lookup(opt, familiar, pname, c) ?? lookup(opt, familiar, familiar, c);
}

function lookup(opt: ConvertOptions, name: string, key: string, copt: ContextOpt): NamedContext | undefined {
  const contexts = opt.namedContexts;
  if (contexts === undefined || !Object.hasOwn(contexts, key)) return undefined;
  const shared = opt.localSharedKeys;
  return {
    input: contexts[key],
    name,
    nameWithPlatform: key,
    sharedKey: shared !== undefined && Object.hasOwn(shared, key) ? shared[key] : '',
    opt: copt,
  };
}

/** What loading needs besides the context itself. */
export interface LoadEnv {
  resolver: ImageResolver | undefined;
  /** The build's session id (bopts.SessionID). */
  sessionId: string | undefined;
  localSessionIds: Record<string, string> | undefined;
  inputMetadata: Record<string, string> | undefined;
  hooks: NamedContextHooks | undefined;
  /** Asked for when the context has no platform (the gateway's default: the worker's). */
  buildPlatform: Platform;
  /** Sets a context option (`context:KEY`) for the rest of the build. */
  setContext?: (key: string, value: string) => void;
}

/** dockerui's maxContextRecursion. */
const MAX_CONTEXT_RECURSION = 10;

/** Loads a named context into a state (upstream's NamedContext.load). */
export async function loadNamedContext(nc: NamedContext, env: LoadEnv, count = 0): Promise<LoadedContext> {
  if (count > MAX_CONTEXT_RECURSION) throw new Error(`context recursion limit exceeded; this may indicate a cycle in the provided source policies: ${nc.input}`);
  const colon = nc.input.indexOf(':');
  if (colon < 0) throw new Error(`invalid context specifier ${nc.input} for ${nc.nameWithPlatform}`);
  let scheme = nc.input.slice(0, colon);
  const rest = nc.input.slice(colon + 1);
  // git@host:repo without a scheme is accepted for SSH URLs.
  if (scheme.startsWith('git@')) scheme = 'git';
  switch (scheme) {
    case 'docker-image':
      try {
        return await loadImage(nc, trimSlashes(rest), env);
      } catch (err) {
        if (!(err instanceof ResolveToNonImageError)) throw err;
        // The option becomes the new source (`local://x` is `local:x`) and is loaded again.
        const sep = err.updated.indexOf('://');
        if (sep < 0) throw new Error(`could not parse ref: ${err.updated}`);
        const input = `${err.updated.slice(0, sep)}:${err.updated.slice(sep + 3)}`;
        env.setContext?.(nc.nameWithPlatform, input);
        return loadNamedContext({ ...nc, input }, env, count + 1);
      }
    case 'git': {
      const st = gitContext(nc.input);
      if (st === undefined) throw new Error(`invalid git context ${nc.input}`);
      return { state: st, image: undefined };
    }
    case 'http':
    case 'https': {
      const st = gitContext(nc.input);
      if (st !== undefined) return { state: st, image: undefined };
      const state = llb.http(nc.input, { filename: 'context', customName: `[context ${nc.nameWithPlatform}] ${nc.input}` });
      return { state, image: undefined };
    }
    case 'oci-layout':
      return loadOCILayout(nc, trimSlashes(rest), env);
    case 'local':
      return loadLocal(nc, rest, env);
    case 'input':
      return loadInput(nc, rest, env);
    default:
      throw new Error(`unsupported context source ${scheme} for ${nc.nameWithPlatform}`);
  }
}

function trimSlashes(s: string): string {
  return s.startsWith('//') ? s.slice(2) : s;
}

function requireResolver(env: LoadEnv, ref: string): ImageResolver {
  if (env.resolver === undefined) throw new Error(`no image resolver to look up ${ref}`);
  return env.resolver;
}

async function loadImage(nc: NamedContext, ref: string, env: LoadEnv): Promise<LoadedContext> {
  if (ref === EMPTY_IMAGE_NAME) return { state: llb.scratch(), image: undefined };
  const customName = `[context ${nc.nameWithPlatform}] ${ref}`;
  const named = reference.tagNameOnly(reference.parseNormalizedNamed(ref)).toString();
  const res = await requireResolver(env, named).resolve(named, {
    platform: nc.opt.platform ?? env.buildPlatform,
    platformUnset: nc.opt.platform === undefined,
    resolveMode: nc.opt.resolveMode,
    logName: `[context ${nc.nameWithPlatform}] load metadata for ${ref}`,
  });
  const img = parseImage(goDecodeUTF8(res.config));
  delete img.created;
  // The resolved ref as is: upstream does not pin the digest here.
  const state = llb.image(res.ref, { customName, platform: nc.opt.platform }).withImageConfig(res.config);
  return { state, image: img };
}

/** Upstream's DetectGitContext for a context value; undefined when it is no git reference. */
function gitContext(input: string): llb.State | undefined {
  const g = parseGitRef(input);
  if (g === undefined) return undefined;
  return llb.git(g.remote, '', {
    ref: g.ref || undefined,
    customName: '[internal] load git source ' + input,
    keepGitDir: g.keepGitDir === true ? true : undefined,
    subdir: g.subDir || undefined,
    checksum: g.checksum || undefined,
    skipSubmodules: g.submodules === false ? true : undefined,
    mtime: g.mtime || undefined,
    fetchByCommit: g.fetchByCommit || undefined,
  });
}

async function loadOCILayout(nc: NamedContext, refSpec: string, env: LoadEnv): Promise<LoadedContext> {
  let named: reference.NamedReference;
  try {
    named = reference.parse(refSpec);
  } catch (err) {
    throw new Error(`could not parse oci-layout reference ${goQuote(refSpec)}: ${(err as Error).message}`);
  }
  if (named.digest === undefined) throw new Error(`oci-layout reference ${goQuote(named.toString())} has no digest`);
  // The name the context replaces stands in for the image's name (logs only).
  let dummy: reference.NamedReference;
  try {
    dummy = reference.parseNormalizedNamed(nc.name);
  } catch (err) {
    throw new Error(`could not parse oci-layout reference ${goQuote(nc.name)}: ${(err as Error).message}`);
  }
  dummy = reference.withDigest(dummy, named.digest);
  const dummyRef = dummy.toString();
  const store = { sessionId: env.sessionId ?? '', storeId: named.name };
  const res = await requireResolver(env, dummyRef).resolve(dummyRef, {
    platform: nc.opt.platform ?? env.buildPlatform,
    platformUnset: nc.opt.platform === undefined,
    ociLayout: store,
    logName: `[context ${nc.nameWithPlatform}] load metadata for ${dummyRef}`,
  });
  let img: Image;
  try {
    img = parseImage(goDecodeUTF8(res.config));
  } catch (err) {
    throw new Error(`could not parse oci-layout image config: ${(err as Error).message}`);
  }
  const state = llb
    .ociLayout(dummyRef, {
      customName: `[context ${nc.nameWithPlatform}] OCI load from client`,
      store,
      platform: nc.opt.platform,
    })
    .withImageConfig(res.config);
  return { state, image: img };
}

async function loadLocal(nc: NamedContext, name: string, env: LoadEnv): Promise<LoadedContext> {
  const ids = env.localSessionIds;
  const sessionId = ids !== undefined && Object.hasOwn(ids, name) ? ids[name] : (env.sessionId ?? '');
  let excludes: string[] = [];
  const readPatterns = env.hooks?.localIgnorePatterns;
  if (readPatterns !== undefined) {
    const st = llb.local(name, {
      sessionId,
      followPaths: [DOCKERIGNORE],
      sharedKeyHint: `context:${nc.nameWithPlatform}-${DOCKERIGNORE}`,
      customName: `[context ${nc.nameWithPlatform}] load ${DOCKERIGNORE}`,
      differ: { type: 'none', required: false },
    });
    excludes = await readPatterns(st);
  }
  const paths = nc.opt.asyncLocalPaths;
  // The follow paths are those the stages use, known only once all are dispatched.
  const lazy = new LazySource(() =>
    llb.local(name, {
      customName: `[context ${nc.nameWithPlatform}] load from client`,
      sessionId,
      sharedKeyHint: `context:${nc.nameWithPlatform}-${nc.sharedKey}`,
      excludePatterns: excludes,
      followPaths: normalizeContextPaths(paths()),
    }),
  );
  return { state: lazy.state(), image: undefined };
}

async function loadInput(nc: NamedContext, name: string, env: LoadEnv): Promise<LoadedContext> {
  const inputs = (await env.hooks?.inputs?.()) ?? {};
  if (!Object.hasOwn(inputs, name)) throw new DockerfileError(`invalid input ${name} for ${nc.nameWithPlatform}`);
  let state = inputs[name];
  const md = env.inputMetadata;
  if (md === undefined || !Object.hasOwn(md, name)) return { state, image: undefined };
  // A map[string][]byte, as json.Unmarshal reads one: its values base64
  // (StdEncoding) or arrays of bytes, null for nil; anything else fails.
  let meta: Record<string, Uint8Array | undefined> | undefined;
  try {
    meta = goUnmarshal(md[name], { kind: 'map', elem: { kind: 'bytes' } }) as Record<string, Uint8Array | undefined> | undefined;
  } catch (err) {
    throw new Error(`failed to parse input metadata ${md[name]}: ${(err as Error).message}`);
  }
  if (meta === undefined || !Object.hasOwn(meta, IMAGE_CONFIG_KEY)) return { state, image: undefined };
  // (A null config is an empty one, which WithImageConfig cannot read.)
  const text = goDecodeUTF8(meta[IMAGE_CONFIG_KEY] ?? new Uint8Array());
  state = state.withImageConfig(text);
  // The config is read into a *DockerOCIImage: null leaves it nil.
  if (/^[ \t\r\n]*null[ \t\r\n]*$/.test(text)) return { state, image: undefined };
  let img: Image;
  try {
    img = parseImage(text);
  } catch (err) {
    throw new Error(`failed to parse image config for ${nc.nameWithPlatform}: ${(err as Error).message}`);
  }
  return { state, image: img };
}

/** A source built on first marshal (upstream's asyncLocalOutput). */
class LazySource {
  private built: Output | undefined;
  private readonly proxy: Vertex;

  constructor(private readonly make: () => llb.State) {
    this.proxy = {
      inputs: () => this.output().vertex.inputs(),
      marshalUncached: (ctx: MarshalContext) => marshalVertex(this.output().vertex, ctx),
    };
  }

  private output(): Output {
    if (this.built === undefined) {
      const out = this.make().output();
      if (out === undefined) throw new Error('internal error: a local context has no output');
      this.built = out;
    }
    return this.built;
  }

  state(): llb.State {
    return llb.State.fromOutput(new Output(this.proxy, () => 0));
  }
}
