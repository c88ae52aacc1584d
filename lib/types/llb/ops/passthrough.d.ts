import type { Constraints } from '../constraints.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
export declare class PassthroughOp implements Vertex {
    private readonly id;
    private readonly constraints;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    private readonly sources;
    private readonly outputMap;
    readonly outputs: Output[];
    /** `inputs`: the outputs to depend on; those with `forward` become this op's outputs, in order. */
    constructor(id: string, inputs: readonly {
        readonly output: Output | undefined;
        readonly forward: boolean;
    }[], constraints: Constraints);
    /** The first forwarded output, or an output that fails to marshal if there is none. */
    output(): Output;
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
