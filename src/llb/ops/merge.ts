// MergeOp (layers stacked in order) and DiffOp (the change from lower to upper).
import type { Constraints } from '../constraints.ts';
import { cloneConstraints } from '../constraints.ts';
import { LLBError } from '../errors.ts';
import { indexZero, Output } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { finishOp, marshalConstraints } from './common.ts';
import type { MergeInput } from '../../gen/pb.ts';

export class MergeOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  readonly output: Output = new Output(this, indexZero);

  constructor(
    private readonly sources: readonly Output[],
    private readonly constraints: Constraints,
  ) {}

  inputs(): readonly Output[] {
    return this.sources;
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    if (this.sources.length < 2) throw new LLBError('invalid-state', 'merge must have at least 2 inputs');
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    const inputs: MergeInput[] = [];
    op.inputs = [];
    for (const s of this.sources) {
      inputs.push({ input: op.inputs.length });
      op.inputs.push(s.toInput(ctx));
    }
    op.op = { case: 'merge', value: { inputs } };
    return finishOp(op, metadata, own);
  }
}

export class DiffOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  readonly output: Output = new Output(this, indexZero);

  constructor(
    private readonly lower: Output | undefined,
    private readonly upper: Output | undefined,
    private readonly constraints: Constraints,
  ) {}

  inputs(): readonly Output[] {
    const out: Output[] = [];
    if (this.lower) out.push(this.lower);
    if (this.upper) out.push(this.upper);
    return out;
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    op.inputs = [];
    const side = (o: Output | undefined): { input: number } => {
      if (!o) return { input: -1 };
      const idx = op.inputs!.length;
      op.inputs!.push(o.toInput(ctx));
      return { input: idx };
    };
    const lower = side(this.lower);
    const upper = side(this.upper);
    op.op = { case: 'diff', value: { lower, upper } };
    return finishOp(op, metadata, own);
  }
}
