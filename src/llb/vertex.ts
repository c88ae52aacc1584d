// The graph underneath states: vertices (ops) and their outputs. A vertex
// marshals itself to pb.Op bytes; the MarshalContext memoises that per
// vertex, so shared subgraphs are encoded once and marshaling is linear.
import { sha256Hex } from './sha256.ts';
import type { Constraints, OpMetadata } from './constraints.ts';
import { LLBError } from './errors.ts';
import type { Platform } from '../platform/platform.ts';
import type { SourceLocation } from './sourcemap.ts';
import type { Input as PbInput } from '../gen/pb.ts';

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

export function marshalVertex(v: Vertex, ctx: MarshalContext): MarshaledVertex {
  if (v.marshalCtx === ctx) return v.marshaled!;
  const m = v.marshalUncached(ctx);
  v.marshalCtx = ctx;
  v.marshaled = m;
  ctx.touched.push(v);
  return m;
}

/** Forgets the per-vertex results of a marshal call (so they do not outlive its Definition). */
export function clearMarshalled(ctx: MarshalContext): void {
  for (const v of ctx.touched) {
    v.marshalCtx = undefined;
    v.marshaled = undefined;
    v.walkCtx = undefined;
  }
  ctx.touched.length = 0;
}

/** The index function of a vertex's only output (one function for all, rather than a closure per output). */
export const indexZero = (): number => 0;

/** One output of a vertex; what a State points at. */
export class Output {
  constructor(
    readonly vertex: Vertex,
    /** The output index, computed at marshal time (mount outputs depend on sorting). */
    private readonly index: () => number,
    /** The platform a state built on this output takes. */
    readonly platform?: Platform,
    /** Set when the output may not be used as an input (e.g. a tmpfs mount). */
    readonly error?: LLBError,
  ) {}

  /** The output index (a method, so subclasses can compute it without a closure per output). */
  outputIndex(): number {
    return this.index();
  }

  toInput(ctx: MarshalContext): PbInput {
    if (this.error) throw this.error;
    const idx = this.outputIndex();
    const { digest } = marshalVertex(this.vertex, ctx);
    return idx === 0 ? { digest } : { digest, index: idx };
  }
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${sha256Hex(bytes)}`;
}
