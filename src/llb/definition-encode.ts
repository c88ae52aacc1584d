// Definition.encode written straight to bytes: the op bytes are copied as
// they are and metadata is encoded from the model, with no intermediate
// pb.Definition object tree. The output is what the generic encoder makes
// of Definition.toPb() (Go's deterministic marshaling), byte for byte.
import type { OpMetadata } from './constraints.ts';
import { metadataToPb, sharedMetadata } from './constraints.ts';
import type { SourceLocation, SourceMap } from './sourcemap.ts';
import { sortStringKeys, writeMessage } from '../protobuf/encode.ts';
import { Writer } from '../protobuf/writer.ts';
import { OpMetadata as PbOpMetadataDesc, SourceInfo as PbSourceInfoDesc } from '../gen/pb.ts';
import type { Locations as PbLocations, Position as PbPosition, Source as PbSource, SourceInfo as PbSourceInfo } from '../gen/pb.ts';

/**
 * @internal What `encode` needs to write Definition.source without making
 * its pb objects (set by marshal): Source has a locations entry for every
 * metadata key but `skip`, holding `locations(digest)` (each location's
 * source index from `sourceIndex`), then `infos`. Without `locations`
 * (no source maps) every entry is empty and there are no infos.
 */
export interface DirectSource {
  readonly skip: string | undefined;
  readonly locations?: (digest: string) => readonly SourceLocation[] | undefined;
  readonly sourceIndex?: (m: SourceMap) => number;
  readonly infos?: readonly PbSourceInfo[];
}

/** What encoding reads of a Definition (definition.ts). */
export interface EncodableDefinition {
  readonly def: readonly Uint8Array[];
  readonly metadata: ReadonlyMap<string, OpMetadata>;
  readonly source: PbSource | undefined;
  readonly directSource?: DirectSource;
}

export function encodeDefinition(def: EncodableDefinition): Uint8Array {
  const keys = sortStringKeys([...def.metadata.keys()]);
  // Sized up front from the op bytes and (mostly shared, pre-encoded) metadata,
  // so the result is one allocation of about the final size.
  let size = 64;
  for (const b of def.def) size += b.length + 4;
  for (const m of def.metadata.values()) size += 2 * (keyEntrySize + 8) + (sharedMetadataBytes(m)?.length ?? 300);
  const w = new Writer(size);
  // 1: repeated bytes def
  for (const b of def.def) {
    w.tag(1, 2);
    w.bytes(b);
  }
  // 2: map<string, OpMetadata> metadata, by key
  for (const k of keys) {
    w.tag(2, 2);
    const entry = w.fork();
    w.tag(1, 2);
    w.string(k);
    w.tag(2, 2);
    const value = w.fork();
    const m = def.metadata.get(k)!;
    const encoded = sharedMetadataBytes(m);
    if (encoded !== undefined) w.raw(encoded);
    else writeOpMetadata(w, m);
    w.join(value);
    w.join(entry);
  }
  // 3: Source
  const direct = def.directSource;
  if (direct !== undefined) {
    // A locations entry for each metadata key (sorted) but `skip`, then the infos.
    const { skip, locations, sourceIndex } = direct;
    w.tag(3, 2);
    const start = w.fork();
    for (const k of keys) {
      if (k === skip) continue;
      w.tag(1, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      const ls = locations?.(k);
      if (ls === undefined || ls.length === 0 || sourceIndex === undefined) w.uvarint(0);
      else {
        const value = w.fork();
        writeSourceLocations(w, ls, sourceIndex);
        w.join(value);
      }
      w.join(entry);
    }
    for (const info of direct.infos ?? []) {
      w.tag(2, 2);
      const s = w.fork();
      writeMessage(w, PbSourceInfoDesc, info);
      w.join(s);
    }
    w.join(start);
  } else if (def.source !== undefined) {
    w.tag(3, 2);
    const start = w.fork();
    writeSource(w, def.source, keys);
    w.join(start);
  }
  return w.take();
}

/** The length of a map key that is a sha256 digest, with its tag and length. */
const keyEntrySize = 2 + 'sha256:'.length + 64;

/** The encoding of a shared metadata object, made on first use; undefined for other objects. */
function sharedMetadataBytes(m: OpMetadata): Uint8Array | undefined {
  const info = sharedMetadata.get(m);
  if (info === undefined) return undefined;
  if (info.encoded === undefined) {
    const w = new Writer(256);
    writeOpMetadata(w, m);
    info.encoded = w.finish();
  }
  return info.encoded;
}

/** pb.OpMetadata fields of Go's OpMetadata.ToPB. */
function writeOpMetadata(w: Writer, m: OpMetadata): void {
  if (m.exportCache !== undefined || m.progressGroup !== undefined || m.linuxResources !== undefined) {
    // Rare fields: the generic encoder, on the pb object.
    writeMessage(w, PbOpMetadataDesc, metadataToPb(m));
    return;
  }
  // 1: bool ignore_cache
  if (m.ignoreCache) {
    w.tag(1, 0);
    w.uvarint(1);
  }
  // 2: map<string, string> description (most ops have one: llb.customname), by key
  const description = m.description;
  if (description !== undefined) {
    const keys = Object.keys(description);
    if (keys.length > 1) sortStringKeys(keys);
    for (const k of keys) {
      w.tag(2, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      w.string(description[k]!);
      w.join(entry);
    }
  }
  // 5: map<string, bool> caps (every value true)
  if (m.caps !== undefined && m.caps.size > 0) {
    for (const cap of sortStringKeys([...m.caps])) {
      w.tag(5, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(cap);
      w.tag(2, 0);
      w.uvarint(1);
      w.join(entry);
    }
  }
}

/** An int32 field as the generic encoder writes it: omitted when absent or zero (not -0). */
function writeInt32(w: Writer, no: number, v: number | undefined): void {
  if (v === undefined || v === null || (v === 0 && !Object.is(v, -0))) return;
  w.tag(no, 0);
  w.varint64(v);
}

/** A pb.Position submessage (written whenever present, even if empty). */
function writePosition(w: Writer, no: number, p: PbPosition | undefined): void {
  if (p === undefined || p === null) return;
  w.tag(no, 2);
  const start = w.fork();
  writeInt32(w, 1, p.line);
  writeInt32(w, 2, p.character);
  w.join(start);
}

/**
 * pb.Locations written field by field (one entry per op of a Dockerfile
 * build): the bytes the generic encoder makes of it.
 */
function writeLocations(w: Writer, v: PbLocations): void {
  for (const l of v.locations ?? []) {
    // 1: repeated Location locations
    w.tag(1, 2);
    const loc = w.fork();
    writeInt32(w, 1, l.sourceIndex);
    for (const r of l.ranges ?? []) {
      // 2: repeated Range ranges
      w.tag(2, 2);
      const range = w.fork();
      writePosition(w, 1, r.start);
      writePosition(w, 2, r.end);
      w.join(range);
    }
    w.join(loc);
  }
}

/** The pb.Locations that Definition.source holds for an op's source locations, from the locations themselves. */
function writeSourceLocations(w: Writer, ls: readonly SourceLocation[], sourceIndex: (m: SourceMap) => number): void {
  for (const l of ls) {
    // 1: repeated Location locations
    w.tag(1, 2);
    const loc = w.fork();
    writeInt32(w, 1, sourceIndex(l.sourceMap));
    for (const r of l.ranges) {
      // 2: repeated Range ranges
      w.tag(2, 2);
      const range = w.fork();
      writePosition(w, 1, r.start);
      writePosition(w, 2, r.end);
      w.join(range);
    }
    w.join(loc);
  }
}

/** pb.Source: locations by digest, then the source infos. */
function writeSource(w: Writer, src: PbSource, metadataKeys: readonly string[]): void {
  const locations = src.locations;
  if (locations !== undefined) {
    const keys = Object.keys(locations);
    // Usually every op but the terminal one has an entry: the sorted metadata keys, filtered, are then the order.
    let sorted = metadataKeys.filter((k) => Object.hasOwn(locations, k));
    if (sorted.length !== keys.length) sorted = sortStringKeys(keys);
    for (const k of sorted) {
      w.tag(1, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      const value = w.fork();
      const v = locations[k];
      if (v !== undefined && v.locations !== undefined && v.locations.length > 0) writeLocations(w, v);
      w.join(value);
      w.join(entry);
    }
  }
  for (const info of src.infos ?? []) {
    w.tag(2, 2);
    const start = w.fork();
    writeMessage(w, PbSourceInfoDesc, info);
    w.join(start);
  }
}
