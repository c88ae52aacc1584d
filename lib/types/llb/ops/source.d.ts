import type { Constraints } from '../constraints.js';
import { LLBError } from '../errors.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
export declare class SourceOp implements Vertex {
    readonly identifier: string;
    readonly attrs: Readonly<Record<string, string>>;
    readonly constraints: Constraints;
    /** An error found while the source was built (e.g. a bad reference), raised at marshal. */
    readonly error?: LLBError | undefined;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    readonly output: Output;
    constructor(identifier: string, attrs: Readonly<Record<string, string>>, constraints: Constraints, 
    /** An error found while the source was built (e.g. a bad reference), raised at marshal. */
    error?: LLBError | undefined);
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
