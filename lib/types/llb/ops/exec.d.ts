import type { Constraints } from '../constraints.js';
import type { EnvList } from '../env.js';
import type { Platform } from '../../platform/platform.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
export type CacheSharing = 'shared' | 'private' | 'locked';
export type ContentCache = 'default' | 'on' | 'off';
export type NetworkMode = 'sandbox' | 'host' | 'none';
export type SecurityMode = 'sandbox' | 'insecure';
/** What an exec reads from the state it runs on (Go keeps these as state values). */
export interface ExecBase {
    readonly root: Output | undefined;
    readonly args: readonly string[] | undefined;
    readonly env: EnvList;
    readonly cwd: string;
    readonly user: string;
    readonly hostname: string;
    readonly cgroupParent: string;
    readonly network: NetworkMode;
    readonly security: SecurityMode;
    readonly extraHosts: readonly {
        host: string;
        ip: string;
    }[];
    readonly ulimits: readonly {
        name: string;
        soft: number;
        hard: number;
    }[];
    readonly validExitCodes: readonly number[] | undefined;
    readonly platform: Platform | undefined;
}
/** A mount as the exec op keeps it. */
export interface MountModel {
    readonly target: string;
    readonly source: Output | undefined;
    readonly readonly: boolean;
    readonly selector: string;
    readonly cacheId: string;
    readonly cacheSharing: CacheSharing;
    readonly tmpfs: boolean;
    readonly tmpfsSize: number;
    readonly noOutput: boolean;
    readonly contentCache: ContentCache;
}
export interface SecretModel {
    readonly id: string;
    readonly target: string | undefined;
    readonly env: string | undefined;
    readonly uid: number;
    readonly gid: number;
    readonly mode: number;
    readonly optional: boolean;
}
export interface SSHModel {
    readonly id: string;
    readonly target: string;
    readonly uid: number;
    readonly gid: number;
    readonly mode: number;
    readonly optional: boolean;
}
export interface ProxyEnv {
    readonly httpProxy?: string;
    readonly httpsProxy?: string;
    readonly ftpProxy?: string;
    readonly noProxy?: string;
    readonly allProxy?: string;
}
export interface CDIDevice {
    readonly name: string;
    readonly optional?: boolean;
}
export interface ExecSpec {
    readonly base: ExecBase;
    readonly readonlyRoot: boolean;
    readonly mounts: readonly MountModel[];
    readonly secrets: readonly SecretModel[];
    readonly ssh: readonly SSHModel[];
    readonly cdiDevices: readonly CDIDevice[];
    readonly proxyEnv: ProxyEnv | undefined;
    readonly constraints: Constraints;
}
export declare class ExecOp implements Vertex {
    private readonly spec;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    /** Mounts sorted by target, the root mount included (as Go sorts them). */
    private readonly mounts;
    /** The outputs of the root mount then of spec.mounts, in the order given. */
    private readonly outputs;
    /** The root filesystem after the run; undefined for a read-only scratch root. */
    readonly root: Output | undefined;
    constructor(spec: ExecSpec);
    private makeOutput;
    /** @internal The index of a mount's output: its place among the sorted mounts that have outputs. */
    mountOutputIndex(m: MountModel): number;
    /** The output of the first mount at `target`. */
    mountOutput(target: string): Output | undefined;
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
