import type { ConstraintsOptions } from './constraints.js';
import type { Definition } from './definition.js';
import { EnvList } from './env.js';
import type { Platform } from '../platform/platform.js';
import { ExecOp } from './ops/exec.js';
import type { CacheSharing, CDIDevice, ContentCache, NetworkMode, ProxyEnv, SecurityMode } from './ops/exec.js';
import type { FileAction, FileBase } from './ops/file.js';
import type { Output } from './vertex.js';
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
    readonly extraHosts: readonly {
        host: string;
        ip: string;
    }[];
    readonly ulimits: readonly {
        name: string;
        soft: number;
        hard: number;
    }[];
    readonly cgroupParent: string;
    readonly validExitCodes: readonly number[] | undefined;
    readonly custom: ReadonlyMap<unknown, unknown>;
}
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
    readonly cache?: {
        readonly id: string;
        readonly sharing?: CacheSharing;
    };
    /** A tmpfs; size in bytes, 0 or absent for no limit. */
    readonly tmpfs?: {
        readonly size?: number;
    };
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
    readonly extraHosts?: readonly {
        host: string;
        ip: string;
    }[];
    readonly ulimits?: readonly {
        name: string;
        soft: number;
        hard: number;
    }[];
    readonly cgroupParent?: string;
    readonly validExitCodes?: readonly number[];
    readonly mounts?: readonly RunMount[];
    readonly secrets?: readonly RunSecret[];
    readonly ssh?: readonly RunSSH[];
    readonly cdiDevices?: readonly CDIDevice[];
    readonly readonlyRootfs?: boolean;
    readonly proxyEnv?: ProxyEnv;
}
export declare class State implements FileBase {
    private readonly out;
    private readonly values;
    private readonly marshalDefaults;
    /** @internal Use the source functions (image, local, scratch, ...) to make states. */
    constructor(out: Output | undefined, values: StateValues, marshalDefaults?: ConstraintsOptions | undefined);
    /** A fresh state on an output: working directory "/", the output's platform (Go's NewState). */
    static fromOutput(out: Output | undefined): State;
    private with;
    private ensurePlatform;
    /** The graph output this state points at; undefined for scratch. */
    output(): Output | undefined;
    /** This state's values on another output (Go's WithOutput). */
    withOutput(out: Output | undefined): State;
    /** Another state's values with this state's output, working directory reset to "/" (Go's Reset). */
    reset(other: State): State;
    addEnv(key: string, value: string): State;
    /** Removes a variable from the environment. */
    delEnv(key: string): State;
    getEnv(key: string): string | undefined;
    env(): EnvList;
    /** Sets the working directory; a relative path is joined to the current one. */
    dir(path: string): State;
    getDir(): string;
    user(user: string): State;
    getUser(): string;
    hostname(hostname: string): State;
    getHostname(): string;
    /** Sets the platform (normalised, as Go's State.Platform does). */
    platform(p: Platform): State;
    getPlatform(): Platform | undefined;
    network(mode: NetworkMode): State;
    getNetwork(): NetworkMode;
    security(mode: SecurityMode): State;
    getSecurity(): SecurityMode;
    /** Default args for a later run. */
    args(args: readonly string[]): State;
    getArgs(): readonly string[] | undefined;
    addExtraHost(host: string, ip: string): State;
    addUlimit(name: string, soft: number, hard: number): State;
    withCgroupParent(cgroupParent: string): State;
    validExitCodes(codes: readonly number[]): State;
    /** Attaches an arbitrary value (Go's WithValue); read it back with `value`. */
    withValue(key: unknown, value: unknown): State;
    value(key: unknown): unknown;
    /** Options every `marshal` of this state starts from (Go's SetMarshalDefaults). */
    setMarshalDefaults(opts: ConstraintsOptions): State;
    /**
     * Applies an image config (OCI image JSON) as Go's WithImageConfig does:
     * its Env, WorkingDir and platform. (The config's User is not applied, as upstream.)
     */
    withImageConfig(config: Uint8Array | string): State;
    /** Runs a process on this state; the result's root is this state's filesystem after the run. */
    run(opts: RunOptions): ExecState;
    /** Applies a chain of file actions to this state. */
    file(action: FileAction, opts?: ConstraintsOptions): State;
    /**
     * This state, made to depend on `deps` too: they are built whenever this
     * state is (Go's State.Requires, a PassthroughOp named `id`).
     */
    requires(id: string, ...deps: State[]): State;
    /** Marshals the graph ending at this state into a Definition. */
    marshal(opts?: ConstraintsOptions): Definition;
}
/** The result of `State.run`: the root filesystem after the run, plus its mounts. */
export declare class ExecState extends State {
    private readonly exec;
    /** Target, source, target, source, ... of the run's mounts with a source (the first at a target counts). */
    private readonly mountSources;
    /** @internal Made by State.run. */
    constructor(out: Output | undefined, values: StateValues, marshalDefaults: ConstraintsOptions | undefined, exec: ExecOp, 
    /** Target, source, target, source, ... of the run's mounts with a source (the first at a target counts). */
    mountSources: readonly (string | State)[]);
    /** The root filesystem after the run. */
    root(): State;
    /** A fresh state on the mount at `target` after the run (Go's ExecState.GetMount). */
    getMount(target: string): State;
    /**
     * The mount's source state moved onto the mount's output, keeping the
     * source's values (what Go's ExecState.AddMount returns).
     */
    mountState(target: string): State;
}
