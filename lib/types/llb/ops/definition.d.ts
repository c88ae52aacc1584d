import { State } from '../state.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
import type { Definition as PbDefinition } from '../../gen/pb.js';
export declare class DefinitionOp implements Vertex {
    private readonly shared;
    readonly digest: string;
    readonly index: number;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    private inputOutputs;
    private constructor();
    /**
     * The head of `def` (the input of its terminal op). For a definition
     * without ops it is an op that fails to marshal, as in Go. Throws for op
     * bytes that do not decode and for locations naming a source map that does
     * not exist.
     */
    static fromDefinition(def: PbDefinition): DefinitionOp;
    /** The op's output with the op's platform (Go's DefinitionOp.Output). */
    output(): Output;
    inputs(): readonly Output[];
    marshalUncached(): MarshaledVertex;
}
/**
 * A state on the head of a marshaled definition, as Go's gateway client makes
 * an input (llb.NewState(llb.NewDefinitionOp(def))): the op itself is the
 * output there, so the state takes no platform from it. Building on it and
 * marshaling includes the definition's ops as they are; a definition without
 * ops fails to marshal ("cannot marshal empty definition op").
 */
export declare function definitionState(def: PbDefinition): State;
