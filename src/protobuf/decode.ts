// Protobuf decoding into the plain objects the generated interfaces describe.
// Absent fields stay undefined; a present but empty message becomes {} (so
// Go's JSON, which prints such a message as {}, can be reproduced). Unknown
// fields are skipped.
import { messageDesc } from './registry.ts';
import type { FieldDesc, MessageDesc, MessageObject, ScalarKind } from './registry.ts';
import { setKey } from '../go/maps.ts';
import { int64Value } from '../go/strconv.ts';

const utf8 = new TextDecoder('utf-8');

export class DecodeError extends Error {}

/** Decodes bytes as a message of the given type. */
export function decodeMessage<T>(desc: MessageDesc<T>, bytes: Uint8Array): T {
  return readMessage(new Reader(bytes), desc, bytes.length) as T;
}

class Reader {
  pos = 0;
  readonly view: DataView;
  constructor(readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new DecodeError('unexpected end of data in varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new DecodeError('varint too long');
  }

  /** A small non-negative varint (lengths, tags) as a number. */
  uvarint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new DecodeError('unexpected end of data in varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    throw new DecodeError('varint too long');
  }

  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new DecodeError('unexpected end of data');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /**
   * Skips the value of an unknown field. A group (wire type 3, proto2's
   * delimited form, which Go's decoders skip) runs to its end-group tag,
   * nested groups within it counted, not recursed into; as Go's decoders do
   * here, an end-group tag closes the innermost group whatever its number.
   */
  skip(wireType: number): void {
    let open = 0;
    for (;;) {
      switch (wireType) {
        case 0:
          this.varint();
          break;
        case 1:
          this.take(8);
          break;
        case 2:
          this.take(this.uvarint());
          break;
        case 3:
          open++;
          break;
        case 4:
          if (open === 0) throw new DecodeError('unexpected end group');
          open--;
          break;
        case 5:
          this.take(4);
          break;
        default:
          throw new DecodeError(`unsupported wire type ${wireType}`);
      }
      if (open === 0) return;
      wireType = this.uvarint() % 8;
    }
  }
}

function readScalar(r: Reader, kind: ScalarKind): unknown {
  switch (kind) {
    case 'string':
      return utf8.decode(r.take(r.uvarint()));
    case 'bytes':
      return r.take(r.uvarint()).slice();
    case 'bool':
      return r.varint() !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, r.varint()));
    case 'uint32':
      return Number(BigInt.asUintN(32, r.varint()));
    case 'int64':
      return int64Value(BigInt.asIntN(64, r.varint()));
    case 'uint64':
      return int64Value(r.varint());
    case 'sint32':
    case 'sint64': {
      const u = r.varint();
      const v = u & 1n ? -(u >> 1n) - 1n : u >> 1n;
      return kind === 'sint32' ? Number(v) : int64Value(v);
    }
    case 'fixed32': {
      const v = r.view.getUint32(r.pos, true);
      r.take(4);
      return v;
    }
    case 'sfixed32': {
      const v = r.view.getInt32(r.pos, true);
      r.take(4);
      return v;
    }
    case 'float': {
      const v = r.view.getFloat32(r.pos, true);
      r.take(4);
      return v;
    }
    case 'fixed64': {
      const v = r.view.getBigUint64(r.pos, true);
      r.take(8);
      return int64Value(v);
    }
    case 'sfixed64': {
      const v = r.view.getBigInt64(r.pos, true);
      r.take(8);
      return int64Value(v);
    }
    case 'double': {
      const v = r.view.getFloat64(r.pos, true);
      r.take(8);
      return v;
    }
  }
}

function isPackable(kind: ScalarKind): boolean {
  return kind !== 'string' && kind !== 'bytes';
}

/** The wire type a field of this kind is written with (repeated numbers may also come packed, as 2). */
function wireTypeOf(f: FieldDesc): number {
  if (f.kind === 'map' || f.kind === 'message') return 2;
  if (f.kind === 'enum') return 0;
  switch (f.scalar) {
    case 'string':
    case 'bytes':
      return 2;
    case 'fixed64':
    case 'sfixed64':
    case 'double':
      return 1;
    case 'fixed32':
    case 'sfixed32':
    case 'float':
      return 5;
    default:
      return 0;
  }
}

function readMessage(r: Reader, desc: MessageDesc, end: number): MessageObject {
  const out: MessageObject = {};
  while (r.pos < end) {
    const tag = r.uvarint();
    const no = Math.floor(tag / 8);
    const wt = tag % 8;
    // Go's generated decoders refuse field number 0 and a known field in
    // another wire type (they would misread it as its own).
    if (no === 0) throw new DecodeError(`illegal tag 0 (wire type ${wt})`);
    const f = desc.fieldByNumber.get(no);
    if (f === undefined) {
      r.skip(wt);
      continue;
    }
    const want = wireTypeOf(f);
    if (wt !== want && !(wt === 2 && (f.kind === 'scalar' || f.kind === 'enum') && f.repeated === true)) {
      throw new DecodeError(`wrong wire type ${wt} for field ${f.name}`);
    }
    readField(r, f, wt, out);
  }
  if (r.pos !== end) throw new DecodeError('message overran its length');
  return out;
}

function readField(r: Reader, f: FieldDesc, wt: number, out: MessageObject): void {
  if (f.kind === 'map') {
    const len = r.uvarint();
    const end = r.pos + len;
    const keyKind = f.mapKey as ScalarKind;
    let key: unknown = keyKind === 'string' ? '' : keyKind === 'bool' ? false : 0;
    let value: unknown;
    while (r.pos < end) {
      const tag = r.uvarint();
      const no = Math.floor(tag / 8);
      if (no === 1) key = readScalar(r, keyKind);
      else if (no === 2) {
        if (f.mapValue.kind === 'message') {
          const n = r.uvarint();
          value = readMessage(r, messageDesc(f.mapValue.typeName), r.pos + n);
        } else value = readScalar(r, f.mapValue.kind === 'enum' ? 'int32' : f.mapValue.scalar);
      } else r.skip(tag % 8);
    }
    if (value === undefined) {
      value = f.mapValue.kind === 'message' ? {} : zeroOf(f.mapValue.kind === 'enum' ? 'int32' : f.mapValue.scalar);
    }
    const m = (out[f.name] ??= {}) as { [k: string]: unknown };
    setKey(m, String(key), value);
    return;
  }
  if (f.kind === 'message') {
    const n = r.uvarint();
    const v = readMessage(r, messageDesc(f.typeName), r.pos + n);
    if (f.repeated) ((out[f.name] ??= []) as unknown[]).push(v);
    else if (f.oneof !== undefined) out[f.oneof] = { case: f.name, value: v };
    else out[f.name] = v;
    return;
  }
  const kind: ScalarKind = f.kind === 'enum' ? 'int32' : f.scalar;
  if (f.repeated) {
    const arr = (out[f.name] ??= []) as unknown[];
    if (wt === 2 && isPackable(kind)) {
      const n = r.uvarint();
      const end = r.pos + n;
      while (r.pos < end) arr.push(readScalar(r, kind));
    } else arr.push(readScalar(r, kind));
    return;
  }
  const v = readScalar(r, kind);
  if (f.oneof !== undefined) out[f.oneof] = { case: f.name, value: v };
  else out[f.name] = v;
}

function zeroOf(kind: ScalarKind): unknown {
  if (kind === 'string') return '';
  if (kind === 'bytes') return new Uint8Array(0);
  if (kind === 'bool') return false;
  return 0;
}
