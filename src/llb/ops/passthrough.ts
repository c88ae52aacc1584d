// PassthroughOp: forwards some of its inputs as outputs while making the
// others dependencies (Go's State.Requires).
import type { Constraints } from '../constraints.ts';
import { cloneConstraints } from '../constraints.ts';
import { LLBError } from '../errors.ts';
import { indexZero, Output } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { finishOp, marshalConstraints } from './common.ts';

export class PassthroughOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  private readonly sources: Output[] = [];
  private readonly outputMap: number[] = [];
  readonly outputs: Output[] = [];

  /** `inputs`: the outputs to depend on; those with `forward` become this op's outputs, in order. */
  constructor(
    private readonly id: string,
    inputs: readonly { readonly output: Output | undefined; readonly forward: boolean }[],
    private readonly constraints: Constraints,
  ) {
    for (const inp of inputs) {
      if (!inp.output) continue;
      const inputIndex = this.sources.length;
      this.sources.push(inp.output);
      if (inp.forward) {
        const outputIndex = this.outputMap.length;
        this.outputMap.push(inputIndex);
        this.outputs.push(new Output(this, () => outputIndex));
      }
    }
  }

  /** The first forwarded output, or an output that fails to marshal if there is none. */
  output(): Output {
    return this.outputs[0] ?? new Output(this, indexZero, undefined, new LLBError('invalid-state', 'invalid passthrough output 0'));
  }

  inputs(): readonly Output[] {
    return this.sources;
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    if (this.sources.length === 0) throw new LLBError('invalid-state', 'passthrough must have at least one input');
    if (this.id === '') throw new LLBError('invalid-state', 'passthrough requires an id');
    if (this.outputMap.length === 0) throw new LLBError('invalid-state', 'passthrough must have at least one output');
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    op.inputs = this.sources.map((s) => s.toInput(ctx));
    op.op = { case: 'passthrough', value: { id: this.id, outputs: [...this.outputMap] } };
    return finishOp(op, metadata, own);
  }
}
