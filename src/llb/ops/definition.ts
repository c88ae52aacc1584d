// DefinitionOp: a vertex standing for an op of an already marshaled
// pb.Definition (Go's llb.NewDefinitionOp), e.g. a gateway input. Marshaling
// emits the stored op bytes, metadata and source locations unchanged, so a
// graph built on top of it refers to exactly the ops of the original.
import { LLBError } from '../errors.ts';
import { metadataFromPb, type OpMetadata } from '../constraints.ts';
import { decodeMessage } from '../../protobuf/decode.ts';
import { SourceMap, type Range, type SourceLocation } from '../sourcemap.ts';
import type { Platform } from '../../platform/platform.ts';
import { State } from '../state.ts';
import { Output, sha256Digest } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { Op as PbOpDesc } from '../../gen/pb.ts';
import type { Definition as PbDefinition, Op as PbOp, Range as PbRange } from '../../gen/pb.ts';

/** What every DefinitionOp made from one definition shares (Go copies the maps' references). */
interface Shared {
  readonly ops: Map<string, PbOp>;
  readonly defs: Map<string, Uint8Array>;
  readonly metas: Map<string, OpMetadata>;
  readonly sources: Map<string, SourceLocation[]>;
  readonly platforms: Map<string, Platform | undefined>;
  /** The vertex made for each input (digest, then output index): Go's inputCache. */
  readonly inputCache: Map<string, (DefinitionOp | undefined)[]>;
}

const NO_LOCATIONS: readonly SourceLocation[] = [];

export class DefinitionOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  private inputOutputs: Output[] | undefined;

  private constructor(
    private readonly shared: Shared,
    readonly digest: string,
    readonly index: number,
  ) {}

  /**
   * The head of `def` (the input of its terminal op). For a definition
   * without ops it is an op that fails to marshal, as in Go. Throws for op
   * bytes that do not decode and for locations naming a source map that does
   * not exist.
   */
  static fromDefinition(def: PbDefinition): DefinitionOp {
    const shared: Shared = {
      ops: new Map(),
      defs: new Map(),
      metas: new Map(),
      sources: new Map(),
      platforms: new Map(),
      inputCache: new Map(),
    };
    let dgst = '';
    for (const dt of def.def ?? []) {
      let op: PbOp;
      try {
        op = decodeMessage(PbOpDesc, dt);
      } catch (err) {
        throw new LLBError('invalid-definition', `failed to parse llb proto op: ${(err as Error).message}`);
      }
      dgst = sha256Digest(dt);
      shared.ops.set(dgst, op);
      shared.defs.set(dgst, dt);
      const p = op.platform;
      shared.platforms.set(
        dgst,
        p === undefined
          ? undefined
          : {
              os: p.OS ?? '',
              architecture: p.Architecture ?? '',
              variant: p.Variant || undefined,
              osVersion: p.OSVersion || undefined,
              osFeatures: p.OSFeatures !== undefined && p.OSFeatures.length > 0 ? [...p.OSFeatures] : undefined,
            },
      );
    }

    const src = def.Source;
    if (src !== undefined) {
      const maps = (src.infos ?? []).map((info) => {
        const st = info.definition !== undefined ? definitionState(info.definition) : undefined;
        return new SourceMap(info.filename ?? '', info.language ?? '', info.data ?? new Uint8Array(), st);
      });
      for (const [d, locs] of Object.entries(src.locations ?? {})) {
        for (const loc of locs.locations ?? []) {
          const i = loc.sourceIndex ?? 0;
          if (i < 0 || i >= maps.length) throw new LLBError('invalid-definition', `failed to find source map with index ${i}`);
          let list = shared.sources.get(d);
          if (list === undefined) shared.sources.set(d, (list = []));
          list.push({ sourceMap: maps[i]!, ranges: (loc.ranges ?? []).map(rangeFromPb) });
        }
      }
    }

    for (const [k, v] of Object.entries(def.metadata ?? {})) shared.metas.set(k, metadataFromPb(v));

    if (dgst === '') return new DefinitionOp(shared, '', 0);
    const terminal = shared.ops.get(dgst)!;
    const head = terminal.inputs?.[0];
    // Go reads Inputs[0] of the last op without a check; a terminal op always has one.
    if (head === undefined) throw new LLBError('invalid-definition', 'invalid definition: the last op has no input');
    return new DefinitionOp(shared, head.digest ?? '', Number(head.index ?? 0));
  }

  /** The op's output with the op's platform (Go's DefinitionOp.Output). */
  output(): Output {
    return new Output(this, () => this.index, this.shared.platforms.get(this.digest));
  }

  inputs(): readonly Output[] {
    if (this.inputOutputs !== undefined) return this.inputOutputs;
    if (this.digest === '') return (this.inputOutputs = []);
    const op = this.shared.ops.get(this.digest);
    if (op === undefined) throw new LLBError('invalid-definition', `invalid definition op with unknown op "${this.digest}"`);
    const platform = this.shared.platforms.get(this.digest);
    const out: Output[] = [];
    for (const input of op.inputs ?? []) {
      const d = input.digest ?? '';
      const idx = Number(input.index ?? 0);
      let known = this.shared.inputCache.get(d);
      let vtx = known?.[idx];
      if (vtx === undefined) {
        vtx = new DefinitionOp(this.shared, d, idx);
        if (known === undefined) this.shared.inputCache.set(d, (known = []));
        known[idx] = vtx;
      }
      const v = vtx;
      // As in Go, an input's output carries the platform of the op that uses it.
      out.push(new Output(v, () => v.index, platform));
    }
    this.inputOutputs = out;
    return out;
  }

  marshalUncached(): MarshaledVertex {
    if (this.digest === '') throw new LLBError('invalid-definition', 'cannot marshal empty definition op');
    const s = this.shared;
    if (s.ops.size === 0 || s.defs.size === 0 || s.metas.size === 0) {
      throw new LLBError('invalid-definition', `invalid definition op with no ops ${s.ops.size} ${s.metas.size}`);
    }
    const bytes = s.defs.get(this.digest);
    if (!s.ops.has(this.digest)) throw new LLBError('invalid-definition', `invalid definition op with unknown op "${this.digest}"`);
    if (bytes === undefined) throw new LLBError('invalid-definition', `invalid definition op with unknown def "${this.digest}"`);
    const metadata = s.metas.get(this.digest);
    if (metadata === undefined) throw new LLBError('invalid-definition', `invalid definition op with unknown metas "${this.digest}"`);
    if (this.index < 0) throw new LLBError('invalid-definition', 'invalid definition op with invalid index');
    return { digest: this.digest, bytes, metadata, sourceLocations: s.sources.get(this.digest) ?? NO_LOCATIONS };
  }
}

function rangeFromPb(r: PbRange): Range {
  return {
    start: { line: r.start?.line ?? 0, character: r.start?.character ?? 0 },
    end: { line: r.end?.line ?? 0, character: r.end?.character ?? 0 },
  };
}

/**
 * A state on the head of a marshaled definition, as Go's gateway client makes
 * an input (llb.NewState(llb.NewDefinitionOp(def))): the op itself is the
 * output there, so the state takes no platform from it. Building on it and
 * marshaling includes the definition's ops as they are; a definition without
 * ops fails to marshal ("cannot marshal empty definition op").
 */
export function definitionState(def: PbDefinition): State {
  const op = DefinitionOp.fromDefinition(def);
  return State.fromOutput(new Output(op, () => op.index));
}
