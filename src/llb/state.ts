// State: an immutable handle on one output of the LLB graph plus the values
// (env, working directory, user, platform, ...) that later execs inherit.
// Every method returns a new State; marshaling is the separate final step
// (`marshal`, in definition.ts).
import type { ConstraintsOptions } from './constraints.ts';
import { addCap, resolveConstraints, resolveSharedConstraints } from './constraints.ts';
import { Caps } from './caps.ts';
import { PassthroughOp } from './ops/passthrough.ts';
import { marshalState } from './definition.ts';
import type { Definition } from './definition.ts';
import { EnvList } from './env.ts';
import { LLBError } from './errors.ts';
import { argumentError, checkOptionalString, checkState, checkString, checkStrings, isPlatformObject } from './args.ts';
import { canonicalIP } from './ip.ts';
import { isAbsPath, joinPath } from '../go/path.ts';
import { normalizePlatform } from '../platform/platform.ts';
import type { Platform } from '../platform/platform.ts';
import { ExecOp } from './ops/exec.ts';
import type { CacheSharing, CDIDevice, ContentCache, MountModel, NetworkMode, ProxyEnv, SecurityMode, SecretModel, SSHModel } from './ops/exec.ts';
import { FileAction, FileOp, noActionError } from './ops/file.ts';
import type { FileBase } from './ops/file.ts';
import type { Output } from './vertex.ts';
import { goDecodeUTF8 } from '../go/strings.ts';
import { shlexSplit } from '../go/shlex.ts';
import { goUnmarshal, OCI_PLATFORM_FIELDS, type GoType } from '../go/unmarshal.ts';

/** The values a state carries for the execs run on it. */
export interface StateValues {
  readonly env: EnvList;
  readonly dir: string;
  readonly user: string;
  readonly hostname: string;
  readonly platform: Platform | undefined;
  readonly network: NetworkMode;
  readonly security: SecurityMode;
  readonly args: readonly string[] | undefined;
  readonly extraHosts: readonly { host: string; ip: string }[];
  readonly ulimits: readonly { name: string; soft: number | bigint; hard: number | bigint }[];
  readonly cgroupParent: string;
  readonly validExitCodes: readonly number[] | undefined;
  readonly custom: ReadonlyMap<unknown, unknown>;
}

const EMPTY_VALUES: StateValues = {
  env: EnvList.empty,
  dir: '',
  user: '',
  hostname: '',
  platform: undefined,
  network: 'sandbox',
  security: 'sandbox',
  args: undefined,
  extraHosts: [],
  ulimits: [],
  cgroupParent: '',
  validExitCodes: undefined,
  custom: new Map(),
};

const NO_SOURCES: readonly (string | State)[] = [];
const NO_CDI: readonly CDIDevice[] = [];
const NO_MOUNT_MODELS: readonly MountModel[] = [];
const NO_SECRET_MODELS: readonly SecretModel[] = [];
const NO_SSH_MODELS: readonly SSHModel[] = [];

/** The values of a fresh state (Go's NewState), shared by every state that has not changed them. */
const FRESH_VALUES: StateValues = { ...EMPTY_VALUES, dir: '/' };

/**
 * A mount for `run`, shaped like Go's AddMount options: a bind mount of
 * `source` unless `cache` or `tmpfs` is set. A tmpfs mount's source must be scratch.
 */
export interface RunMount {
  readonly target: string;
  /** What is mounted; scratch (or undefined) for an empty mount. */
  readonly source?: State;
  readonly readonly?: boolean;
  /** Mount only this path of the source (Mount.selector). */
  readonly selector?: string;
  /** Writable, but the changes are discarded (Go's llb.ForceNoOutput). */
  readonly noOutput?: boolean;
  readonly contentCache?: ContentCache;
  /** A persistent cache directory (Go's AsPersistentCacheDir). */
  readonly cache?: { readonly id: string; readonly sharing?: CacheSharing };
  /** A tmpfs; size in bytes, 0 or absent for no limit. */
  readonly tmpfs?: { readonly size?: number | bigint };
}

/** A secret exposed as a file (`target`), an environment variable (`env`), or both. */
export interface RunSecret {
  readonly id: string;
  readonly target?: string;
  readonly env?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** File mode; default 0o400. */
  readonly mode?: number;
  readonly optional?: boolean;
}

/** An SSH agent socket; the target defaults to /run/buildkit/ssh_agent.N. */
export interface RunSSH {
  readonly id?: string;
  readonly target?: string;
  readonly uid?: number;
  readonly gid?: number;
  /** Socket mode; default 0o600. */
  readonly mode?: number;
  readonly optional?: boolean;
}

/** How to run a process; state values (env, dir, user, ...) may be overridden for this run only. */
export interface RunOptions extends ConstraintsOptions {
  readonly args?: readonly string[];
  /** A command line split into args as a POSIX shell would (Go's llb.Shlex). */
  readonly shlex?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly dir?: string;
  readonly user?: string;
  readonly hostname?: string;
  readonly network?: NetworkMode;
  readonly security?: SecurityMode;
  readonly extraHosts?: readonly { host: string; ip: string }[];
  readonly ulimits?: readonly { name: string; soft: number | bigint; hard: number | bigint }[];
  readonly cgroupParent?: string;
  readonly validExitCodes?: readonly number[];
  readonly mounts?: readonly RunMount[];
  readonly secrets?: readonly RunSecret[];
  readonly ssh?: readonly RunSSH[];
  readonly cdiDevices?: readonly CDIDevice[];
  readonly readonlyRootfs?: boolean;
  readonly proxyEnv?: ProxyEnv;
}

export class State implements FileBase {
  /** @internal Use the source functions (image, local, scratch, ...) to make states. */
  constructor(
    private readonly out: Output | undefined,
    private readonly values: StateValues,
    private readonly marshalDefaults: ConstraintsOptions | undefined = undefined,
  ) {}

  /** A fresh state on an output: working directory "/", the output's platform (Go's NewState). */
  static fromOutput(out: Output | undefined): State {
    return new State(out, FRESH_VALUES).ensurePlatform();
  }

  private with(values: Partial<StateValues>): State {
    return new State(this.out, { ...this.values, ...values }, this.marshalDefaults);
  }

  private ensurePlatform(): State {
    const p = this.out?.platform;
    return p ? this.with({ platform: normalizePlatform(p) }) : this;
  }

  /** The graph output this state points at; undefined for scratch. */
  output(): Output | undefined {
    return this.out;
  }

  /** This state's values on another output (Go's WithOutput). */
  withOutput(out: Output | undefined): State {
    return new State(out, this.values, this.marshalDefaults).ensurePlatform();
  }

  /** Another state's values with this state's output, working directory reset to "/" (Go's Reset). */
  reset(other: State): State {
    return new State(this.out, { ...other.values, dir: '/' }, this.marshalDefaults).ensurePlatform();
  }

  addEnv(key: string, value: string): State {
    checkString('State.addEnv', 'key', key);
    checkString('State.addEnv', 'value', value);
    return this.with({ env: this.values.env.set(key, value) });
  }

  /** Sets the variables in order, as addEnv would one by one. */
  addEnvs(entries: readonly (readonly [string, string])[]): State {
    const env = this.values.env.setAll(entries);
    return env === this.values.env ? this : this.with({ env });
  }

  /** Removes a variable from the environment. */
  delEnv(key: string): State {
    return this.with({ env: this.values.env.delete(key) });
  }

  getEnv(key: string): string | undefined {
    return this.values.env.get(key);
  }

  env(): EnvList {
    return this.values.env;
  }

  /** Sets the working directory; a relative path is joined to the current one. */
  dir(path: string): State {
    checkString('State.dir', 'path', path);
    return this.with({ dir: resolveDir(this.values.dir, path) });
  }

  getDir(): string {
    return this.values.dir;
  }

  user(user: string): State {
    checkString('State.user', 'user', user);
    return this.with({ user });
  }

  getUser(): string {
    return this.values.user;
  }

  hostname(hostname: string): State {
    return this.with({ hostname });
  }

  getHostname(): string {
    return this.values.hostname;
  }

  /** Sets the platform (normalised, as Go's State.Platform does). */
  platform(p: Platform): State {
    if (!isPlatformObject(p)) throw argumentError('State.platform', 'the platform', 'a platform object { os, architecture, variant? }', p);
    return this.with({ platform: normalizePlatform(p) });
  }

  getPlatform(): Platform | undefined {
    return this.values.platform;
  }

  network(mode: NetworkMode): State {
    return this.with({ network: mode });
  }

  getNetwork(): NetworkMode {
    return this.values.network;
  }

  security(mode: SecurityMode): State {
    return this.with({ security: mode });
  }

  getSecurity(): SecurityMode {
    return this.values.security;
  }

  /** Default args for a later run. */
  args(args: readonly string[]): State {
    return this.with({ args: [...args] });
  }

  getArgs(): readonly string[] | undefined {
    return this.values.args;
  }

  addExtraHost(host: string, ip: string): State {
    return this.with({ extraHosts: [...this.values.extraHosts, { host, ip: canonicalIP(ip) }] });
  }

  addUlimit(name: string, soft: number | bigint, hard: number | bigint): State {
    return this.with({ ulimits: [...this.values.ulimits, { name, soft, hard }] });
  }

  withCgroupParent(cgroupParent: string): State {
    return this.with({ cgroupParent });
  }

  validExitCodes(codes: readonly number[]): State {
    return this.with({ validExitCodes: [...codes] });
  }

  /** Attaches an arbitrary value (Go's WithValue); read it back with `value`. */
  withValue(key: unknown, value: unknown): State {
    const custom = new Map(this.values.custom);
    custom.set(key, value);
    return this.with({ custom });
  }

  value(key: unknown): unknown {
    return this.values.custom.get(key);
  }

  /** Options every `marshal` of this state starts from (Go's SetMarshalDefaults). */
  setMarshalDefaults(opts: ConstraintsOptions): State {
    return new State(this.out, this.values, opts);
  }

  /**
   * Applies an image config (OCI image JSON) as Go's WithImageConfig does:
   * its Env, WorkingDir and platform. (The config's User is not applied, as upstream.)
   */
  withImageConfig(config: Uint8Array | string): State {
    const text = typeof config === 'string' ? config : goDecodeUTF8(config);
    let img: ImageConfigJSON;
    try {
      // As json.Unmarshal reads it: keys in any case, null for none.
      img = (goUnmarshal(text, OCI_IMAGE_SUBSET) ?? {}) as ImageConfigJSON;
    } catch (err) {
      // json.Unmarshal's error as it is, as Go's State.WithImageConfig returns it.
      throw new LLBError('invalid-state', (err as Error).message);
    }
    let s: State = this;
    for (const env of img.config?.Env ?? []) {
      if (env === undefined) continue;
      const eq = env.indexOf('=');
      const key = eq < 0 ? env : env.slice(0, eq);
      if (key.length > 0) s = s.addEnv(key, eq < 0 ? '' : env.slice(eq + 1));
    }
    s = s.dir(img.config?.WorkingDir ?? '');
    if (img.architecture && img.os) {
      const p: { os: string; architecture: string; variant?: string; osVersion?: string; osFeatures?: string[] } = {
        os: img.os,
        architecture: img.architecture,
      };
      if (img.variant) p.variant = img.variant;
      if (img['os.version']) p.osVersion = img['os.version'];
      if (img['os.features']) p.osFeatures = [...img['os.features']];
      s = s.platform(p);
    }
    return s;
  }

  /** Runs a process on this state; the result's root is this state's filesystem after the run. */
  run(opts: RunOptions): ExecState {
    checkRunOptions(opts);
    // The run's values: this state's with the options applied in the order of
    // Go's run options (args, env, dir, user, ...), computed without a State per option.
    const v0 = this.values;
    let args = v0.args;
    if (opts.args) args = [...opts.args];
    if (opts.shlex !== undefined) args = shlexSplit(opts.shlex);
    let env = v0.env;
    if (opts.env !== undefined) for (const [k, val] of Object.entries(opts.env)) env = env.set(k, val);
    const cwd = opts.dir !== undefined ? resolveDir(v0.dir, opts.dir) : v0.dir;
    let extraHosts = v0.extraHosts;
    if (opts.extraHosts !== undefined && opts.extraHosts.length > 0) {
      const added = opts.extraHosts.map((h) => ({ host: h.host, ip: canonicalIP(h.ip) }));
      extraHosts = [...extraHosts, ...added];
    }
    let ulimits = v0.ulimits;
    if (opts.ulimits !== undefined && opts.ulimits.length > 0) {
      ulimits = [...ulimits, ...opts.ulimits.map((u) => ({ name: u.name, soft: u.soft, hard: u.hard }))];
    }
    const mounts = opts.mounts === undefined || opts.mounts.length === 0 ? NO_MOUNT_MODELS : opts.mounts.map(mountModel);
    const exec = new ExecOp({
      base: {
        root: this.out,
        args,
        env,
        cwd,
        user: opts.user ?? v0.user,
        hostname: opts.hostname ?? v0.hostname,
        cgroupParent: opts.cgroupParent ?? v0.cgroupParent,
        network: opts.network ?? v0.network,
        security: opts.security ?? v0.security,
        extraHosts,
        ulimits,
        validExitCodes: opts.validExitCodes !== undefined ? [...opts.validExitCodes] : v0.validExitCodes,
        platform: v0.platform,
      },
      readonlyRoot: opts.readonlyRootfs ?? false,
      mounts,
      secrets: opts.secrets === undefined || opts.secrets.length === 0 ? NO_SECRET_MODELS : opts.secrets.map((s) => ({
        id: s.id,
        target: s.target,
        env: s.env,
        uid: s.uid ?? 0,
        gid: s.gid ?? 0,
        mode: s.mode ?? 0o400,
        optional: s.optional ?? false,
      })),
      ssh: opts.ssh === undefined || opts.ssh.length === 0 ? NO_SSH_MODELS : opts.ssh.map((s) => ({
        id: s.id ?? '',
        target: s.target ?? '',
        uid: s.uid ?? 0,
        gid: s.gid ?? 0,
        mode: s.mode ?? 0o600,
        optional: s.optional ?? false,
      })),
      cdiDevices: opts.cdiDevices ?? NO_CDI,
      proxyEnv: opts.proxyEnv,
      constraints: resolveSharedConstraints(opts),
    });
    // this.withOutput(exec.root), made directly as the ExecState.
    const p = exec.root?.platform;
    const rootValues = p ? { ...this.values, platform: normalizePlatform(p) } : this.values;
    return new ExecState(exec.root, rootValues, this.marshalDefaults, exec, mountSourceList(opts.mounts));
  }

  /** Applies a chain of file actions to this state. */
  file(action: FileAction, opts: ConstraintsOptions = {}): State {
    if (!action) throw noActionError();
    if (!(action instanceof FileAction)) throw argumentError('State.file', 'action', 'a FileAction (mkdir, mkfile, rm, symlink, copy)', action);
    return this.withOutput(new FileOp(action.bind(this), resolveSharedConstraints(opts)).output);
  }

  /**
   * This state, made to depend on `deps` too: they are built whenever this
   * state is (Go's State.Requires, a PassthroughOp named `id`).
   */
  requires(id: string, ...deps: State[]): State {
    if (deps.length === 0) return this;
    const c = resolveConstraints();
    addCap(c, Caps.passthroughOp);
    const op = new PassthroughOp(id, [{ output: this.out, forward: true }, ...deps.map((d) => ({ output: d.out, forward: false }))], c);
    return this.withOutput(op.output());
  }

  /** Marshals the graph ending at this state into a Definition. */
  marshal(opts: ConstraintsOptions = {}): Definition {
    if (opts !== null && (typeof opts !== 'object' || Array.isArray(opts))) throw argumentError('State.marshal', 'the options', 'an object', opts);
    if (opts?.platform !== undefined && !isPlatformObject(opts.platform)) {
      throw argumentError('State.marshal', 'platform', 'a platform object { os, architecture, variant? }', opts.platform);
    }
    return marshalState(this.out, this.marshalDefaults, opts);
  }
}

/** The result of `State.run`: the root filesystem after the run, plus its mounts. */
export class ExecState extends State {
  /** @internal Made by State.run. */
  constructor(
    out: Output | undefined,
    values: StateValues,
    marshalDefaults: ConstraintsOptions | undefined,
    private readonly exec: ExecOp,
    /** Target, source, target, source, ... of the run's mounts with a source (the first at a target counts). */
    private readonly mountSources: readonly (string | State)[],
  ) {
    super(out, values, marshalDefaults);
  }

  /** The root filesystem after the run. */
  root(): State {
    return this;
  }

  /** A fresh state on the mount at `target` after the run (Go's ExecState.GetMount). */
  getMount(target: string): State {
    return State.fromOutput(this.exec.mountOutput(target));
  }

  /**
   * The mount's source state moved onto the mount's output, keeping the
   * source's values (what Go's ExecState.AddMount returns).
   */
  mountState(target: string): State {
    let src: State | undefined;
    for (let i = 0; i < this.mountSources.length && src === undefined; i += 2) {
      if (this.mountSources[i] === target) src = this.mountSources[i + 1] as State;
    }
    const out = this.exec.mountOutput(target);
    return src ? src.withOutput(out) : State.fromOutput(out);
  }
}

/** The flat target/source list ExecState keeps (one small array, not the run's mount objects). */
function mountSourceList(mounts: readonly RunMount[] | undefined): readonly (string | State)[] {
  if (mounts === undefined) return NO_SOURCES;
  let n = 0;
  for (const m of mounts) if (m.source) n += 2;
  if (n === 0) return NO_SOURCES;
  const out = new Array<string | State>(n);
  let i = 0;
  for (const m of mounts) {
    if (m.source) {
      out[i++] = m.target;
      out[i++] = m.source;
    }
  }
  return out;
}

/** RunOptions as TypeScript describes them, for a JavaScript caller. */
function checkRunOptions(opts: RunOptions): void {
  const fn = 'State.run';
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw argumentError(fn, 'the options', 'an object ({ args } or { shlex })', opts);
  if (opts.args !== undefined) checkStrings(fn, 'args', opts.args);
  checkOptionalString(fn, 'shlex', opts.shlex);
  checkOptionalString(fn, 'dir', opts.dir);
  checkOptionalString(fn, 'user', opts.user);
  if (opts.env !== undefined) {
    if (typeof opts.env !== 'object' || opts.env === null || Array.isArray(opts.env)) throw argumentError(fn, 'env', 'an object of strings', opts.env);
    for (const [k, v] of Object.entries(opts.env)) checkString(fn, `env.${k}`, v);
  }
  if (opts.mounts !== undefined) {
    if (!Array.isArray(opts.mounts)) throw argumentError(fn, 'mounts', 'an array', opts.mounts);
    opts.mounts.forEach((m: unknown, i) => {
      if (typeof m !== 'object' || m === null) throw argumentError(fn, `mounts[${i}]`, 'an object { target, source? }', m);
      const mount = m as Partial<Record<keyof RunMount, unknown>>;
      checkString(fn, `mounts[${i}].target`, mount.target);
      if (mount.source !== undefined) checkState(fn, `mounts[${i}].source`, mount.source);
    });
  }
}

function mountModel(m: RunMount): MountModel {
  return {
    target: m.target,
    source: m.source?.output(),
    readonly: m.readonly ?? false,
    selector: m.selector ?? '',
    noOutput: m.noOutput ?? false,
    contentCache: m.contentCache ?? 'default',
    cacheId: m.cache?.id ?? '',
    cacheSharing: m.cache?.sharing ?? 'shared',
    tmpfs: m.tmpfs !== undefined,
    tmpfsSize: m.tmpfs?.size ?? 0,
  };
}

function resolveDir(prev: string, path: string): string {
  if (isAbsPath(path)) return path;
  return joinPath(prev === '' ? '/' : prev, path);
}

const str: GoType = { kind: 'string' };
/** The fields of image-spec's v1.Image that WithImageConfig reads. */
const OCI_IMAGE_SUBSET: GoType = {
  kind: 'struct',
  name: 'v1.Image',
  fields: [
    ...OCI_PLATFORM_FIELDS.map((f) => ({ ...f, via: ['Platform'] })),
    {
      json: 'config',
      type: {
        kind: 'struct',
        name: 'v1.ImageConfig',
        fields: [
          { json: 'Env', type: { kind: 'slice', elem: str } },
          { json: 'WorkingDir', type: str },
        ],
      },
    },
  ],
};

interface ImageConfigJSON {
  architecture?: string;
  os?: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
  config?: { Env?: (string | undefined)[]; WorkingDir?: string };
}
