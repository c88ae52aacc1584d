import type { Constraints, OpMetadata } from './constraints.js';
import { LLBError } from './errors.js';
import type { Platform } from '../platform/platform.js';
import type { SourceLocation } from './sourcemap.js';
import type { Input as PbInput } from '../gen/pb.js';
/** One op, marshaled: its digest, bytes, metadata and source locations. */
export interface MarshaledVertex {
    readonly digest: string;
    readonly bytes: Uint8Array;
    readonly metadata: OpMetadata;
    readonly sourceLocations: readonly SourceLocation[];
}
/** The state of one marshal call: base constraints and the vertices it has marshaled. */
export interface MarshalContext {
    readonly constraints: Constraints;
    /** Every vertex whose result this marshal keeps (on the vertex), to clear at the end. */
    readonly touched: Vertex[];
}
export interface Vertex {
    /** Dependencies, in the order Go's llb visits them (defines Definition.def order). */
    inputs(): readonly Output[];
    /** Encodes the op; called through `marshalVertex`, which memoises it. */
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
    /**
     * @internal The marshal call the vertex was last marshaled by, and the result:
     * per-vertex memoisation without a map lookup. Cleared when that marshal ends.
     */
    marshalCtx?: MarshalContext | undefined;
    /** @internal See marshalCtx. */
    marshaled?: MarshaledVertex | undefined;
    /** @internal The marshal call whose graph walk has emitted this vertex. */
    walkCtx?: MarshalContext | undefined;
}
export declare function marshalVertex(v: Vertex, ctx: MarshalContext): MarshaledVertex;
/** Forgets the per-vertex results of a marshal call (so they do not outlive its Definition). */
export declare function clearMarshalled(ctx: MarshalContext): void;
/** The index function of a vertex's only output (one function for all, rather than a closure per output). */
export declare const indexZero: () => number;
/** One output of a vertex; what a State points at. */
export declare class Output {
    readonly vertex: Vertex;
    /** The output index, computed at marshal time (mount outputs depend on sorting). */
    private readonly index;
    /** The platform a state built on this output takes. */
    readonly platform?: Platform | undefined;
    /** Set when the output may not be used as an input (e.g. a tmpfs mount). */
    readonly error?: LLBError | undefined;
    constructor(vertex: Vertex, 
    /** The output index, computed at marshal time (mount outputs depend on sorting). */
    index: () => number, 
    /** The platform a state built on this output takes. */
    platform?: Platform | undefined, 
    /** Set when the output may not be used as an input (e.g. a tmpfs mount). */
    error?: LLBError | undefined);
    /** The output index (a method, so subclasses can compute it without a closure per output). */
    outputIndex(): number;
    toInput(ctx: MarshalContext): PbInput;
}
export declare function sha256Digest(bytes: Uint8Array): string;
