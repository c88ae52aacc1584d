// Marshaling a graph into a pb.Definition, as Go's State.Marshal does:
// ops in DFS post-order (dependencies first, each digest once), then a
// terminal op naming the output; metadata keyed by digest; source maps.
import { argumentError } from './args.ts';
import { newID } from './identity.ts';
import { Caps } from './caps.ts';
import type { ConstraintsOptions, OpMetadata } from './constraints.ts';
import { cloneMetadata, emptyMetadata, mergeMetadata, metadataFromPb, metadataToPb, resolveConstraints } from './constraints.ts';
import { LLBError } from './errors.ts';
import { encodeDefinition, type DirectSource } from './definition-encode.ts';
import { defaultPlatform } from './platform.ts';
import { decodeMessage, DecodeError } from '../protobuf/decode.ts';
import { encodeMessage } from '../protobuf/encode.ts';
import type { SourceLocation, SourceMap } from './sourcemap.ts';
import { clearMarshalled, marshalVertex, sha256Digest } from './vertex.ts';
import type { MarshalContext, Output, Vertex } from './vertex.ts';
import { Definition as PbDefinitionDesc, Op as PbOpDesc } from '../gen/pb.ts';
import type { Definition as PbDefinition, Op as PbOp, OpMetadata as PbOpMetadata, Source as PbSource, SourceInfo as PbSourceInfo } from '../gen/pb.ts';

/** A marshaled LLB graph: op bytes, per-digest metadata and source maps. */
export class Definition {
  private sourceValue: PbSource | undefined;
  private sourceLazy: (() => PbSource) | undefined;

  constructor(
    /** Serialized pb.Op messages, dependencies first, the terminal op last. */
    readonly def: readonly Uint8Array[],
    /** Op metadata by op digest. */
    readonly metadata: ReadonlyMap<string, OpMetadata>,
    /** Definition.source (or a function making it on first use); undefined only for an empty definition. */
    source: PbSource | undefined | (() => PbSource),
    /** @internal Set by marshal: encode writes Source from this, without making the Source object (see DirectSource). */
    readonly directSource?: DirectSource,
  ) {
    if (typeof source === 'function') this.sourceLazy = source;
    else this.sourceValue = source;
  }

  /** Definition.source; undefined only for an empty definition. */
  get source(): PbSource | undefined {
    if (this.sourceLazy !== undefined) {
      this.sourceValue = this.sourceLazy();
      this.sourceLazy = undefined;
    }
    return this.sourceValue;
  }

  /** The pb.Definition message (Go's Definition.ToPB). */
  toPb(): PbDefinition {
    const out: PbDefinition = {};
    if (this.def.length > 0) out.def = [...this.def];
    const md: { [k: string]: PbOpMetadata } = {};
    for (const [k, v] of this.metadata) md[k] = metadataToPb(v);
    out.metadata = md;
    if (this.source) out.Source = this.source;
    return out;
  }

  /** The deterministic wire bytes (what `buildctl build` reads). */
  encode(): Uint8Array {
    return encodeDefinition(this);
  }

  /** The digest of the output the definition builds, or undefined when empty. */
  head(): string | undefined {
    const last = this.def[this.def.length - 1];
    if (last === undefined) return undefined;
    return decodeMessage(PbOpDesc, last).inputs?.[0]?.digest;
  }

  /** Reads marshaled pb.Definition bytes. */
  static decode(bytes: Uint8Array): Definition {
    if (!(bytes instanceof Uint8Array)) throw argumentError('Definition.decode', 'bytes', 'a Uint8Array', bytes);
    let pb: PbDefinition;
    try {
      pb = decodeMessage(PbDefinitionDesc, bytes);
    } catch (err) {
      if (err instanceof DecodeError) throw new LLBError('invalid-definition', `invalid definition: ${err.message}`);
      throw err;
    }
    return Definition.fromPb(pb);
  }

  static fromPb(pb: PbDefinition): Definition {
    const md = new Map<string, OpMetadata>();
    for (const [k, v] of Object.entries(pb.metadata ?? {})) md.set(k, metadataFromPb(v));
    return new Definition(pb.def ?? [], md, pb.Source);
  }
}

/** Decodes each op of a definition: digest, op and (Go-normalised) metadata, in def order. */
export function definitionOps(def: Definition): { digest: string; op: PbOp; metadata: OpMetadata }[] {
  return def.def.map((bytes) => {
    const digest = sha256Digest(bytes);
    return { digest, op: decodeMessage(PbOpDesc, bytes), metadata: def.metadata.get(digest) ?? emptyMetadata() };
  });
}

export function marshalState(
  out: Output | undefined,
  defaults: ConstraintsOptions | undefined,
  opts: ConstraintsOptions,
): Definition {
  const c = resolveConstraints({ platform: defaultPlatform(), localUniqueId: newID() }, defaults, opts);
  if (!out) return new Definition([], new Map(), undefined);
  const ctx: MarshalContext = { constraints: c, touched: [] };
  try {
    return walkAndFinish(out, ctx, opts);
  } finally {
    clearMarshalled(ctx);
  }
}

interface WalkFrame {
  v: Vertex;
  inputs: readonly Output[];
  i: number;
}

function walkAndFinish(out: Output, ctx: MarshalContext, opts: ConstraintsOptions): Definition {
  const def: Uint8Array[] = [];
  const metadata = new Map<string, OpMetadata>();
  const smc = new SourceMapCollector();

  // Iterative post-order DFS: deep chains must not exhaust the call stack.
  // A vertex is emitted once per marshal (its walkCtx is then this context).
  const stack: WalkFrame[] = [];
  let depth = 0;
  const push = (v: Vertex): void => {
    if (v.walkCtx === ctx) return;
    const inputs = v.inputs();
    // Frames are reused: the stack array only grows to the deepest chain.
    const f = stack[depth];
    if (f === undefined) stack.push({ v, inputs, i: 0 });
    else {
      f.v = v;
      f.inputs = inputs;
      f.i = 0;
    }
    depth++;
  };
  push(out.vertex);
  while (depth > 0) {
    const top = stack[depth - 1]!;
    if (top.i < top.inputs.length) {
      push(top.inputs[top.i++]!.vertex);
      continue;
    }
    depth--;
    const v = top.v;
    if (v.walkCtx === ctx) continue;
    const m = marshalVertex(v, ctx);
    v.walkCtx = ctx;
    const prev = metadata.get(m.digest);
    if (prev === undefined) {
      // The first vertex with this digest: its op goes into the definition.
      // Stored as is: vertices' metadata is fresh per marshal or shared and never changed (merges copy).
      metadata.set(m.digest, m.metadata);
      def.push(m.bytes);
      smc.addFirst(m.digest, m.sourceLocations);
    } else {
      metadata.set(m.digest, mergeMetadata(prev, m.metadata));
      smc.addMore(m.digest, m.sourceLocations);
    }
  }

  const terminal = encodeMessage(PbOpDesc, { inputs: [out.toInput(ctx)] });
  def.push(terminal);
  const tdigest = sha256Digest(terminal);
  const walkedTerminal = metadata.get(tdigest);
  const tmeta = cloneMetadata(walkedTerminal ?? emptyMetadata());
  const caps = new Set<string>([Caps.constraints, Caps.platform]);
  for (const md of metadata.values()) {
    if (md.ignoreCache) caps.add(Caps.metaIgnoreCache);
    if (md.description !== undefined) caps.add(Caps.metaDescription);
    if (md.exportCache !== undefined) caps.add(Caps.metaExportCache);
  }
  tmeta.caps = caps;
  metadata.set(tdigest, tmeta);
  // Every walked digest has a locations entry; the terminal op's only if it was walked too.
  const skip = walkedTerminal === undefined ? tdigest : undefined;
  if (smc.isPlain()) {
    // No source maps: Source is only empty locations entries, made if someone asks (encode does not).
    return new Definition(def, metadata, () => smc.source([]), { skip });
  }
  // The source infos now (they marshal the states that load the source files); the
  // per-op locations objects only if someone asks (encode writes them from the collector).
  const infos = smc.infos(opts);
  return new Definition(def, metadata, () => smc.source(infos), {
    skip,
    locations: (digest) => smc.locationsOf(digest),
    sourceIndex: (m) => smc.indexOf(m),
    infos,
  });
}

function equalSourceMap(a: SourceMap, b: SourceMap): boolean {
  if (a.filename !== b.filename || a.language !== b.language) return false;
  if (Buffer.compare(Buffer.from(a.data), Buffer.from(b.data)) !== 0) return false;
  if (a.definition && b.definition) {
    const x = a.definition.def[a.definition.def.length - 1];
    const y = b.definition.def[b.definition.def.length - 1];
    if (!x || !y || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) return false;
  }
  return true;
}

const NO_LOCATIONS: readonly SourceLocation[] = [];
const EMPTY_LOCATIONS = Object.freeze({});

/** Collects source maps and per-digest locations (Go's sourceMapCollector). */
class SourceMapCollector {
  private readonly maps: SourceMap[] = [];
  private readonly index = new Map<SourceMap, number>();
  /** Every marshaled op's digest, in the order first seen: each gets an entry, even without locations, as in Go. */
  private readonly digests: string[] = [];
  /** The locations of the digests that have any (the lists are this collector's own: added to in place). */
  private readonly locations = new Map<string, SourceLocation[]>();

  /** Whether no op has source locations (then there are no source maps either). */
  isPlain(): boolean {
    return this.maps.length === 0 && this.locations.size === 0;
  }

  /** The locations of an op whose digest is new to this marshal. */
  addFirst(digest: string, ls: readonly SourceLocation[]): void {
    this.digests.push(digest);
    if (ls.length === 0) return;
    this.addMaps(ls);
    this.locations.set(digest, [...ls]);
  }

  /** The locations of an op with the digest of one added before. */
  addMore(digest: string, ls: readonly SourceLocation[]): void {
    if (ls.length === 0) return;
    this.addMaps(ls);
    // Appended in place: 2,000 stages FROM one image are one op with 2,000 locations, not 2,000 copies of a growing list.
    const list = this.locations.get(digest);
    if (list === undefined) this.locations.set(digest, [...ls]);
    else for (const l of ls) list.push(l);
  }

  private addMaps(ls: readonly SourceLocation[]): void {
    for (const l of ls) {
      let idx = this.index.get(l.sourceMap);
      if (idx === undefined) {
        idx = this.maps.findIndex((m) => equalSourceMap(m, l.sourceMap));
        if (idx < 0) {
          idx = this.maps.length;
          this.maps.push(l.sourceMap);
        }
        this.index.set(l.sourceMap, idx);
      }
    }
  }

  /** The locations of an op, by digest; undefined when it has none. */
  locationsOf(digest: string): readonly SourceLocation[] | undefined {
    return this.locations.get(digest);
  }

  /** The index of a source map in Source.infos. */
  indexOf(m: SourceMap): number {
    return this.index.get(m) ?? 0;
  }

  /** Source.infos: the source maps, each with the definition of the state that loads it. */
  infos(opts: ConstraintsOptions): PbSourceInfo[] {
    return this.maps.map((m) => {
      const info: PbSourceInfo = { filename: m.filename, data: m.data, language: m.language };
      const d = m.definition ?? m.state?.marshal(opts);
      if (d) info.definition = d.toPb();
      return info;
    });
  }

  /** The Source message, given its infos. */
  source(infos: PbSourceInfo[]): PbSource {
    const locations: NonNullable<PbSource['locations']> = {};
    for (const digest of this.digests) {
      const ls = this.locations.size === 0 ? NO_LOCATIONS : (this.locations.get(digest) ?? NO_LOCATIONS);
      if (ls.length === 0) {
        locations[digest] = EMPTY_LOCATIONS;
        continue;
      }
      locations[digest] = {
        locations: ls.map((l) => ({
          sourceIndex: this.index.get(l.sourceMap) ?? 0,
          ranges: l.ranges.map((r) => ({
            start: { line: r.start.line, character: r.start.character },
            end: { line: r.end.line, character: r.end.character },
          })),
        })),
      };
    }
    const out: PbSource = { locations };
    if (infos.length > 0) out.infos = infos;
    return out;
  }
}
