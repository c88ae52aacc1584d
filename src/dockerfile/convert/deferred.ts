// The build context source is only known after every stage has been
// dispatched (its followpaths list the paths the stages used), but COPY and
// RUN --mount reference it earlier. Upstream wraps it in a mutable output;
// here a forwarding vertex takes its place and delegates at marshal time.

import { State } from '../../llb/index.ts';
import { marshalVertex, Output, type MarshalContext, type MarshaledVertex, type Vertex } from '../../llb/vertex.ts';

export class DeferredOutput {
  private target: State | undefined;
  private readonly proxy: Vertex;

  constructor() {
    this.proxy = {
      inputs: () => this.output().vertex.inputs(),
      marshalUncached: (ctx: MarshalContext): MarshaledVertex => marshalVertex(this.output().vertex, ctx),
    };
  }

  private output(): Output {
    const out = this.target?.output();
    if (out === undefined) throw new Error('internal error: the build context was used before it was defined');
    return out;
  }

  /** A state standing for the build context. */
  state(): State {
    return State.fromOutput(new Output(this.proxy, () => this.output().outputIndex()));
  }

  resolve(st: State): void {
    this.target = st;
  }
}
