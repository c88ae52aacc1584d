import type { ConstraintsOptions, OpMetadata } from './constraints.js';
import type { SourceLocation, SourceMap } from './sourcemap.js';
import type { Output } from './vertex.js';
import type { Definition as PbDefinition, Op as PbOp, Source as PbSource, SourceInfo as PbSourceInfo } from '../gen/pb.js';
/**
 * @internal What `encode` needs to write Definition.source without making
 * its pb objects (set by marshal): Source has a locations entry for every
 * metadata key but `skip`, holding `locations(digest)` (each location's
 * source index from `sourceIndex`), then `infos`. Without `locations`
 * (no source maps) every entry is empty and there are no infos.
 */
export interface DirectSource {
    readonly skip: string | undefined;
    readonly locations?: (digest: string) => readonly SourceLocation[] | undefined;
    readonly sourceIndex?: (m: SourceMap) => number;
    readonly infos?: readonly PbSourceInfo[];
}
/** A marshaled LLB graph: op bytes, per-digest metadata and source maps. */
export declare class Definition {
    /** Serialized pb.Op messages, dependencies first, the terminal op last. */
    readonly def: readonly Uint8Array[];
    /** Op metadata by op digest. */
    readonly metadata: ReadonlyMap<string, OpMetadata>;
    /** @internal Set by marshal: encode writes Source from this, without making the Source object (see DirectSource). */
    readonly directSource?: DirectSource | undefined;
    private sourceValue;
    private sourceLazy;
    constructor(
    /** Serialized pb.Op messages, dependencies first, the terminal op last. */
    def: readonly Uint8Array[], 
    /** Op metadata by op digest. */
    metadata: ReadonlyMap<string, OpMetadata>, 
    /** Definition.source (or a function making it on first use); undefined only for an empty definition. */
    source: PbSource | undefined | (() => PbSource), 
    /** @internal Set by marshal: encode writes Source from this, without making the Source object (see DirectSource). */
    directSource?: DirectSource | undefined);
    /** Definition.source; undefined only for an empty definition. */
    get source(): PbSource | undefined;
    /** The pb.Definition message (Go's Definition.ToPB). */
    toPb(): PbDefinition;
    /** The deterministic wire bytes (what `buildctl build` reads). */
    encode(): Uint8Array;
    /** The digest of the output the definition builds, or undefined when empty. */
    head(): string | undefined;
    /** Reads marshaled pb.Definition bytes. */
    static decode(bytes: Uint8Array): Definition;
    static fromPb(pb: PbDefinition): Definition;
}
/** Decodes each op of a definition: digest, op and (Go-normalised) metadata, in def order. */
export declare function definitionOps(def: Definition): {
    digest: string;
    op: PbOp;
    metadata: OpMetadata;
}[];
export declare function marshalState(out: Output | undefined, defaults: ConstraintsOptions | undefined, opts: ConstraintsOptions): Definition;
