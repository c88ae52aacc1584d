// Deterministic protobuf encoding, byte-for-byte as Go's
// proto.MarshalOptions{Deterministic: true} writes a message:
//   - fields in ascending field-number order, oneof members included;
//   - proto3 zero scalars omitted (oneof members are written even when zero);
//   - a present message is written even when empty (tag + length 0);
//   - repeated numeric fields packed;
//   - map entries sorted by key, each entry writing both key and value.
import { messageDesc } from './registry.ts';
import type { FieldDesc, MessageDesc, MessageObject, ScalarKind } from './registry.ts';
import { Writer } from './writer.ts';
import { compareUtf8, hasSurrogate } from '../go/strings.ts';

// One buffer serves every call: encoding never re-enters itself, and the
// result is copied out, so the buffer only grows to the largest message.
const shared = new Writer(1 << 16);

/** Encodes a message of the given type. */
export function encodeMessage<T>(desc: MessageDesc<T>, msg: T): Uint8Array {
  shared.reset();
  writeFields(shared, desc, msg as MessageObject);
  return shared.finish();
}

/** Writes a message's fields (no tag or length) into `w`; for hand-written encoders of enclosing messages. */
export function writeMessage<T>(w: Writer, desc: MessageDesc<T>, msg: T): void {
  writeFields(w, desc, msg as MessageObject);
}

/** Sorts string map keys in place into Go's deterministic order (UTF-8 byte order). */
export function sortStringKeys(keys: string[]): string[] {
  const n = keys.length;
  for (let i = 0; i < n; i++) if (hasSurrogate(keys[i]!)) return keys.sort(compareUtf8);
  // Without surrogates UTF-16 order is UTF-8 byte order. The few keys of an
  // op's metadata maps (caps, description) are sorted by insertion, without
  // the temporary copy Array.prototype.sort makes.
  if (n > 12) return keys.sort();
  for (let i = 1; i < n; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function writeFields(w: Writer, desc: MessageDesc, msg: MessageObject): void {
  for (const f of desc.byNumber) {
    if (f.kind === 'map') {
      const m = msg[f.name] as { [k: string]: unknown } | undefined;
      if (m !== undefined) writeMap(w, f, m);
      continue;
    }
    let value: unknown;
    let present = false;
    if (f.oneof !== undefined) {
      const o = msg[f.oneof] as { case: string; value: unknown } | undefined;
      if (o === undefined || o.case !== f.name) continue;
      value = o.value;
      present = true;
    } else {
      value = msg[f.name];
      if (value === undefined || value === null) continue;
    }
    if (f.repeated) {
      const arr = value as unknown[];
      if (arr.length === 0) continue;
      if (f.kind === 'message') {
        const sub = messageDesc(f.typeName);
        for (const v of arr) writeSubmessage(w, f.no, sub, v as MessageObject);
      } else {
        const kind: ScalarKind = f.kind === 'enum' ? 'int32' : f.scalar;
        if (f.packed) {
          w.tag(f.no, 2);
          const start = w.fork();
          for (const v of arr) writeScalarValue(w, kind, v);
          w.join(start);
        } else {
          for (const v of arr) {
            w.tag(f.no, wireType(kind));
            writeScalarValue(w, kind, v);
          }
        }
      }
      continue;
    }
    if (f.kind === 'message') {
      writeSubmessage(w, f.no, messageDesc(f.typeName), value as MessageObject);
      continue;
    }
    const kind: ScalarKind = f.kind === 'enum' ? 'int32' : f.scalar;
    if (!present && isZero(value)) continue;
    w.tag(f.no, wireType(kind));
    writeScalarValue(w, kind, value);
  }
}

function writeSubmessage(w: Writer, no: number, desc: MessageDesc, value: MessageObject): void {
  w.tag(no, 2);
  const start = w.fork();
  writeFields(w, desc, value);
  w.join(start);
}

function writeMap(w: Writer, f: Extract<FieldDesc, { kind: 'map' }>, m: { [k: string]: unknown }): void {
  const keyKind = f.mapKey as ScalarKind;
  const keys = Object.keys(m);
  if (keys.length === 0) return;
  if (keyKind !== 'string') keys.sort(compareMapKeys(keyKind));
  else sortStringKeys(keys);
  const valueDesc = f.mapValue.kind === 'message' ? messageDesc(f.mapValue.typeName) : undefined;
  const valueKind: ScalarKind =
    f.mapValue.kind === 'scalar' ? f.mapValue.scalar : f.mapValue.kind === 'enum' ? 'int32' : 'bytes';
  for (const k of keys) {
    w.tag(f.no, 2);
    const start = w.fork();
    w.tag(1, wireType(keyKind));
    writeScalarValue(w, keyKind, parseKey(keyKind, k));
    const v = m[k];
    if (valueDesc !== undefined) {
      writeSubmessage(w, 2, valueDesc, (v ?? {}) as MessageObject);
    } else {
      w.tag(2, wireType(valueKind));
      writeScalarValue(w, valueKind, v);
    }
    w.join(start);
  }
}


function compareMapKeys(kind: ScalarKind): (a: string, b: string) => number {
  if (kind === 'bool') return (a, b) => (a === b ? 0 : a === 'false' ? -1 : 1);
  return (a, b) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function parseKey(kind: ScalarKind, k: string): unknown {
  if (kind === 'string') return k;
  if (kind === 'bool') return k === 'true';
  return BigInt(k);
}

function isZero(v: unknown): boolean {
  switch (typeof v) {
    case 'number':
      return v === 0 && !Object.is(v, -0);
    case 'bigint':
      return v === 0n;
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    default:
      return v instanceof Uint8Array && v.length === 0;
  }
}

function wireType(kind: ScalarKind): number {
  switch (kind) {
    case 'string':
    case 'bytes':
      return 2;
    case 'fixed32':
    case 'sfixed32':
    case 'float':
      return 5;
    case 'fixed64':
    case 'sfixed64':
    case 'double':
      return 1;
    default:
      return 0;
  }
}

function writeScalarValue(w: Writer, kind: ScalarKind, v: unknown): void {
  switch (kind) {
    case 'string':
      w.string(v as string);
      return;
    case 'bytes':
      w.bytes(v as Uint8Array);
      return;
    case 'bool':
      w.uvarint(v ? 1 : 0);
      return;
    case 'int32':
    case 'int64':
      w.varint64(v as number | bigint);
      return;
    case 'uint32':
      w.uvarint(Number(v) >>> 0);
      return;
    case 'uint64':
      w.varint64(BigInt.asUintN(64, BigInt(v as number | bigint)));
      return;
    case 'sint32':
    case 'sint64': {
      const b = BigInt(v as number | bigint);
      w.varint64(b >= 0n ? b << 1n : (-b << 1n) - 1n);
      return;
    }
    case 'fixed32':
    case 'sfixed32':
      w.fixed32(Number(v));
      return;
    case 'fixed64':
    case 'sfixed64':
      w.fixed64(BigInt(v as number | bigint));
      return;
    case 'float':
      w.float32(Number(v));
      return;
    case 'double':
      w.float64(Number(v));
      return;
  }
}
