// Go's encoding/json output (json.MarshalIndent), for values built in the
// field order of upstream's Go structs. `omitempty` is the caller's business:
// a field that Go would omit is simply not put in the object.

/** A JSON value; object keys are written in insertion order, as Go writes struct fields. */
export type GoJSON = null | boolean | number | string | GoJSON[] | { [key: string]: GoJSON };

import { goQuoteJSON } from '../util/go-json.ts';

export { goQuoteJSON };

/** json.MarshalIndent(v, "", indent). */
export function goMarshalIndent(v: GoJSON, indent = '  '): string {
  return write(v, '', indent);
}

function write(v: GoJSON, prefix: string, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return goQuoteJSON(v);
  const inner = prefix + indent;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((e) => inner + write(e, inner, indent)).join(',\n') + '\n' + prefix + ']';
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => inner + goQuoteJSON(k) + ': ' + write(v[k], inner, indent)).join(',\n') + '\n' + prefix + '}';
}

/** A Go []byte as encoding/json writes it: standard base64. */
export function goBytesJSON(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}
