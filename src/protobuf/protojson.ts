// The JSON form of a message as Go's google.golang.org/protobuf/encoding/protojson
// writes it (default options), as a value to print: field names in
// lowerCamelCase, fields in declaration order, unpopulated fields left out
// (proto3 zero scalars, empty lists and maps, unset messages; a set oneof
// member is written even when it holds the zero value), enums by name,
// 64-bit integers as decimal strings, bytes as padded standard base64, map
// entries sorted by key. Whitespace is the printer's business.
import { enumValueName, messageDesc, type FieldDesc, type MapValueDesc, type MessageDesc, type MessageObject, type ScalarKind } from './registry.ts';

/** A JSON value whose object keys keep insertion order. */
export type ProtoJSON = null | boolean | number | string | ProtoJSON[] | { [key: string]: ProtoJSON };

const LONG: ReadonlySet<ScalarKind> = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/** protobuf-go's JSON name of a field (strs.JSONCamelCase): `_x` becomes `X`, other underscores vanish. */
export function jsonFieldName(name: string): string {
  let out = '';
  let afterUnderscore = false;
  for (const c of name) {
    if (c !== '_') out += afterUnderscore && c >= 'a' && c <= 'z' ? c.toUpperCase() : c;
    afterUnderscore = c === '_';
  }
  return out;
}

const jsonNames = new Map<string, string>();
function cachedJSONName(name: string): string {
  let n = jsonNames.get(name);
  if (n === undefined) {
    n = jsonFieldName(name);
    jsonNames.set(name, n);
  }
  return n;
}

/** protojson.Marshal(msg) as a value; `undefined` (a nil message) gives `{}` as in Go. */
export function protoJSON<T>(desc: MessageDesc<T>, msg: T | undefined): { [key: string]: ProtoJSON } {
  return messageJSON(desc as MessageDesc, (msg ?? {}) as MessageObject);
}

function messageJSON(desc: MessageDesc, msg: MessageObject): { [key: string]: ProtoJSON } {
  const out: { [key: string]: ProtoJSON } = {};
  for (const f of desc.fields) {
    let v: unknown;
    let present: boolean;
    if (f.kind !== 'map' && f.oneof !== undefined) {
      const o = msg[f.oneof] as { case?: string; value?: unknown } | undefined;
      present = o?.case === f.name && o.value !== undefined;
      v = present ? o!.value : undefined;
    } else {
      v = msg[f.name];
      present = populated(f, v);
    }
    if (!present) continue;
    out[cachedJSONName(f.name)] = fieldJSON(f, v);
  }
  return out;
}

function populated(f: FieldDesc, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (f.kind === 'map') return Object.keys(v as object).length > 0;
  if (f.repeated) return (v as unknown[]).length > 0;
  if (f.kind === 'message') return true;
  if (f.kind === 'enum') return v !== 0;
  return !(v === '' || v === 0 || v === 0n || v === false || (v instanceof Uint8Array && v.length === 0));
}

function fieldJSON(f: FieldDesc, v: unknown): ProtoJSON {
  if (f.kind === 'map') {
    const o: { [key: string]: ProtoJSON } = {};
    const keys = Object.keys(v as object).sort(compareKeys(f.mapKey));
    for (const k of keys) o[k] = mapValueJSON(f.mapValue, (v as Record<string, unknown>)[k]);
    return o;
  }
  const one = (x: unknown): ProtoJSON => {
    if (f.kind === 'message') return messageJSON(messageDesc(f.typeName), x as MessageObject);
    if (f.kind === 'enum') return enumJSON(f.enumType, x as number);
    return scalarJSON(f.scalar, x);
  };
  return f.repeated ? (v as unknown[]).map(one) : one(v);
}

function mapValueJSON(d: MapValueDesc, v: unknown): ProtoJSON {
  if (d.kind === 'message') return messageJSON(messageDesc(d.typeName), (v ?? {}) as MessageObject);
  if (d.kind === 'enum') return enumJSON(d.enumType, v as number);
  return scalarJSON(d.scalar, v);
}

/** Map keys are ordered as protobuf-go orders them: strings bytewise, integers numerically, false before true. */
function compareKeys(kind: string): (a: string, b: string) => number {
  if (kind === 'string') {
    return (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  if (kind === 'bool') return (a, b) => (a === b ? 0 : a === 'false' ? -1 : 1);
  return (a, b) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function enumJSON(typeName: string, v: number): ProtoJSON {
  return enumValueName(typeName, v) ?? v;
}

function scalarJSON(kind: ScalarKind, v: unknown): ProtoJSON {
  if (kind === 'bytes') return Buffer.from(v as Uint8Array).toString('base64');
  if (LONG.has(kind)) return String(v);
  if (kind === 'bool') return v as boolean;
  if (kind === 'string') return v as string;
  return Number(v);
}
