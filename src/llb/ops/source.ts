// SourceOp: an image, local directory, git repository, HTTP file or OCI
// layout that a build starts from.
import type { Constraints } from '../constraints.ts';
import { addCap, cloneConstraints } from '../constraints.ts';
import { Caps } from '../caps.ts';
import { LLBError } from '../errors.ts';
import { indexZero, Output } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { finishOp, marshalConstraints } from './common.ts';

export class SourceOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  readonly output: Output;

  constructor(
    readonly identifier: string,
    readonly attrs: Readonly<Record<string, string>>,
    readonly constraints: Constraints,
    /** An error found while the source was built (e.g. a bad reference), raised at marshal. */
    readonly error?: LLBError,
  ) {
    this.output = new Output(this, indexZero, constraints.platform);
  }

  inputs(): readonly Output[] {
    return [];
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    if (this.error) throw this.error;
    if (this.identifier === '') throw new LLBError('invalid-state', "source identifier can't be empty");
    const own = cloneConstraints(this.constraints);
    let attrs = this.attrs;
    // A local source without a session is made unique per client, as Go's llb does.
    if (this.identifier.startsWith('local://') && !('local.session' in attrs)) {
      const uid = own.localUniqueId || ctx.constraints.localUniqueId || '';
      attrs = { ...attrs, 'local.unique': uid };
      addCap(own, Caps.sourceLocalUnique);
    }
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    op.op = { case: 'source', value: { identifier: this.identifier, attrs: { ...attrs } } };
    // Only images and OCI layouts are platform-specific sources.
    if (!this.identifier.startsWith('docker-image://') && !this.identifier.startsWith('oci-layout://')) {
      delete op.platform;
    }
    return finishOp(op, metadata, own);
  }
}
