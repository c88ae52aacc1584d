// Go's encoding/json string encoding: HTML-safe (<, >, & escaped), U+2028 and
// U+2029 escaped, invalid UTF-8 (a lone surrogate here) written as \ufffd.
// Upstream's JSON outputs (dump-llb, subrequest results, image configs, lint
// results) all escape strings this way.

const HEX = '0123456789abcdef';

/** A string as Go's encoder quotes it (HTML-safe escaping, U+2028/U+2029 escaped). */
export function goQuoteJSON(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c < 0x2028) {
      if (c >= 0xd800 && c <= 0xdfff) {
        // A surrogate pair is one rune and written as it is; a lone surrogate
        // cannot come from valid UTF-8, and Go writes such bytes as U+FFFD.
        const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          out += s[i] + s[i + 1];
          i++;
        } else {
          out += '\\ufffd';
        }
        continue;
      }
      out += s[i];
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x2028:
      case 0x2029:
        out += c === 0x2028 ? '\\u2028' : '\\u2029';
        break;
      default:
        if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) {
          out += '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
        } else {
          out += s[i];
        }
    }
  }
  return out + '"';
}

const GO_ONLY_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON.stringify with Go's extra escapes (<, >, &, U+2028, U+2029). None of
 * them can occur outside a string in JSON, so replacing them afterwards is
 * exact; the caller builds the value with Go's field order and omissions.
 */
export function goJSONStringify(v: unknown, indent?: number): string {
  return JSON.stringify(v, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ONLY_ESCAPES[c] ?? c);
}

// encoding/json output (json.MarshalIndent), for values built in the
// field order of upstream's Go structs. `omitempty` is the caller's business:
// a field that Go would omit is simply not put in the object.

/** A JSON value; object keys are written in insertion order, as Go writes struct fields. */
export type GoJSON = null | boolean | number | string | GoJSON[] | { [key: string]: GoJSON };

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
