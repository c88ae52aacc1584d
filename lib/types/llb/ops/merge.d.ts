import type { Constraints } from '../constraints.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
export declare class MergeOp implements Vertex {
    private readonly sources;
    private readonly constraints;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    readonly output: Output;
    constructor(sources: readonly Output[], constraints: Constraints);
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
export declare class DiffOp implements Vertex {
    private readonly lower;
    private readonly upper;
    private readonly constraints;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    readonly output: Output;
    constructor(lower: Output | undefined, upper: Output | undefined, constraints: Constraints);
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
