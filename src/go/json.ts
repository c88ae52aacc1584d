// Go's encoding/json string encoding: HTML-safe (<, >, & escaped), U+2028 and
// U+2029 escaped; a lone surrogate (a byte that is no UTF-8 in Go's string, see
// kept-bytes.ts) is written \ufffd, as Go writes such a byte. Upstream's JSON
// outputs (dump-llb, subrequest results, image configs, lint results) all
// escape strings this way.

const HEX = '0123456789abcdef';

/** The characters Go's encoder escapes (everything else is written as it is). */
const ESCAPED = /["\\<>&\u0000-\u001f\u2028\u2029]/g;
/** A lone surrogate. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeChar(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\u2028':
      return '\\u2028';
    case '\u2029':
      return '\\u2029';
    default: {
      const c = ch.charCodeAt(0);
      return '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    }
  }
}

/**
 * A string as Go's encoder quotes it (HTML-safe escaping, U+2028/U+2029
 * escaped). One native replace: a 27 MB base64 source in a subrequest
 * answer is copied once, not built character by character.
 */
export function goQuoteJSON(s: string): string {
  const out = s.replace(ESCAPED, escapeChar);
  return '"' + ((out as string & { isWellFormed(): boolean }).isWellFormed() ? out : out.replace(LONE_SURROGATE, '\\ufffd')) + '"';
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
  const out = JSON.stringify(v, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ONLY_ESCAPES[c] ?? c);
  // JSON.stringify writes a lone surrogate as \udXXX; Go writes \ufffd (an escape after an odd run of backslashes only).
  return out.includes('\\ud') ? out.replace(/(\\+)ud[89a-f][0-9a-f]{2}/g, (m, bs: string) => (bs.length % 2 === 1 ? bs + 'ufffd' : m)) : out;
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
