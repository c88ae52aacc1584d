import type { CapSet } from './caps.js';
import type { Platform } from '../platform/platform.js';
import type { SourceLocation } from './sourcemap.js';
import type { OpMetadata as PbOpMetadata } from '../gen/pb.js';
/** A progress group: vertices in one group are shown together. */
export interface ProgressGroup {
    readonly id: string;
    readonly name: string;
    readonly weak?: boolean;
}
/** cgroup resource limits for an exec (OpMetadata.linux_resources). */
export interface LinuxResources {
    readonly memory?: number;
    readonly memorySwap?: number;
    readonly cpuShares?: number;
    readonly cpuPeriod?: number;
    readonly cpuQuota?: number;
    readonly cpusetCpus?: string;
    readonly cpusetMems?: string;
}
/** Options accepted wherever Go's llb accepts a ConstraintsOpt. */
export interface ConstraintsOptions {
    /** The platform of the op (for marshal: the default platform of every op). */
    readonly platform?: Platform;
    /** Worker constraint filters (Go's llb.Require). */
    readonly workerConstraints?: readonly string[];
    /** Never use the cache for this op (Go's llb.IgnoreCache). */
    readonly ignoreCache?: boolean;
    /** Entries for OpMetadata.description. */
    readonly description?: Readonly<Record<string, string>>;
    /** The name shown in progress output (description key "llb.customname"); applied after `description`. */
    readonly customName?: string;
    /** OpMetadata.export_cache: true or false sets it, undefined leaves it unset. */
    readonly exportCache?: boolean;
    readonly progressGroup?: ProgressGroup;
    readonly linuxResources?: LinuxResources;
    /** The id that makes local sources without a session unique (random per marshal unless set). */
    readonly localUniqueId?: string;
    /** Capabilities of the daemon; when given, an exec without exec.meta.setsdefaultpath gets a default PATH. */
    readonly caps?: CapSet;
    /** Where this op comes from in a source file (see SourceMap.location). */
    readonly sourceLocations?: readonly SourceLocation[];
}
/** The metadata an op carries in Definition.metadata, before encoding. */
export interface OpMetadata {
    ignoreCache: boolean;
    description: Record<string, string> | undefined;
    exportCache: {
        value: boolean;
    } | undefined;
    caps: Set<string> | undefined;
    progressGroup: ProgressGroup | undefined;
    linuxResources: LinuxResources | undefined;
}
/** Resolved constraints; ops add capabilities to `metadata.caps` while marshaling. */
export interface Constraints {
    platform: Platform | undefined;
    workerConstraints: string[];
    metadata: OpMetadata;
    localUniqueId: string | undefined;
    caps: CapSet | undefined;
    sourceLocations: SourceLocation[];
}
export declare function emptyMetadata(): OpMetadata;
/** Applies options, in Go's option semantics, onto fresh constraints. */
export declare function resolveConstraints(...opts: (ConstraintsOptions | undefined)[]): Constraints;
/**
 * resolveConstraints(opts) plus `cap`, for an op that only reads its
 * constraints (marshaling clones them): when `opts` sets nothing, one frozen
 * object shared by every such op, so a large graph keeps no constraints,
 * metadata and arrays per op.
 */
export declare function resolveSharedConstraints(opts: ConstraintsOptions, cap?: string): Constraints;
export declare function applyConstraints(c: Constraints, o: ConstraintsOptions): void;
/** A copy that ops may extend without touching the original. */
export declare function cloneConstraints(c: Constraints): Constraints;
export declare function cloneMetadata(m: OpMetadata): OpMetadata;
export declare function isEmptyMetadata(m: OpMetadata): boolean;
export declare function addCap(c: Constraints, id: string): void;
/** Shared metadata objects (see shareMetadata), with their encoding once an encoder has made it. */
export declare const sharedMetadata: WeakMap<OpMetadata, {
    encoded: Uint8Array | undefined;
}>;
/**
 * Metadata with nothing but capabilities (nearly every op's) as one object
 * shared by all ops with the same capabilities, so a large marshal keeps one
 * caps set per combination rather than one per op. Other metadata is returned
 * as it is. The result must not be changed (merging and cloning copy it).
 */
export declare function shareMetadata(m: OpMetadata): OpMetadata;
/** Go's mergeMetadata: m2's settings win, descriptions and caps accumulate. */
export declare function mergeMetadata(m1: OpMetadata, m2: OpMetadata): OpMetadata;
/** The pb.OpMetadata that Go's OpMetadata.ToPB produces. */
export declare function metadataToPb(m: OpMetadata): PbOpMetadata;
/** The model OpMetadata of a decoded pb.OpMetadata (Go's NewOpMetadata). */
export declare function metadataFromPb(p: PbOpMetadata | undefined): OpMetadata;
