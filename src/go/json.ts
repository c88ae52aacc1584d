// Go's encoding/json string encoding: HTML-safe (<, >, & escaped), U+2028 and
// U+2029 escaped; a lone surrogate (a byte that is no UTF-8 in Go's string, see
// kept-bytes.ts) is written \ufffd, as Go writes such a byte. Upstream's JSON
// outputs (dump-llb, subrequest results, image configs, lint results) all
// escape strings this way.

import { maskEscapes } from './json-scan.ts';
import { compareUtf8 } from './strings.ts';

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
 * escaped). Native code only, with no call back into JavaScript for each
 * character: a 27 MB base64 source in a subrequest answer is copied once,
 * not built character by character, and a string of six million newlines
 * costs no six million calls.
 */
export function goQuoteJSON(s: string): string {
  if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) {
    return '"' + s.replace(ESCAPED, escapeChar).replace(LONE_SURROGATE, '\\ufffd') + '"';
  }
  // JSON.stringify escapes what Go escapes but for the HTML characters and
  // U+2028/U+2029 (and writes \b, \f, \n, \r, \t and \u00xx as Go does).
  const q = JSON.stringify(s);
  if (!HTML.test(q)) return q;
  return q.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

/** The characters Go escapes and JSON.stringify does not. */
const HTML = /[<>&\u2028\u2029]/;

/**
 * A Go map for goJSONStringify and goMarshalIndent: written with its keys in
 * Go's order (UTF-8 bytes). A plain object cannot keep that order: integer
 * keys ("9", "10") come first and ascending in JavaScript, while Go writes
 * "10" before "9" (a `LABEL 10=a 9=b` image config).
 */
export class GoMap<T = unknown> {
  readonly entries: readonly (readonly [string, T])[];
  constructor(m: Readonly<Record<string, T>>) {
    this.entries = Object.keys(m)
      .sort(compareUtf8)
      .map((k) => [k, m[k]!] as const);
  }
}

/**
 * json.Marshal (compact), or json.MarshalIndent with `indent` spaces, of a
 * value built in the field order of upstream's Go structs, with Go's
 * escapes (<, >, &, U+2028, U+2029; a lone surrogate as \ufffd). Object
 * keys are written in insertion order, GoMap keys in Go's; an undefined
 * field is left out, as JSON.stringify leaves it out.
 */
export function goJSONStringify(v: unknown, indent?: number): string {
  return write(toGoJSON(v), '', indent === undefined ? undefined : ' '.repeat(indent));
}

/** A value as GoJSON, GoMaps kept (they are written in their order). */
function toGoJSON(v: unknown): GoJSON {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toGoJSON);
  if (v instanceof GoMap) return v as unknown as GoJSON;
  const out: { [key: string]: GoJSON } = {};
  for (const [k, e] of Object.entries(v as object)) if (e !== undefined) out[k] = toGoJSON(e);
  return out;
}

// encoding/json output (json.MarshalIndent), for values built in the
// field order of upstream's Go structs. `omitempty` is the caller's business:
// a field that Go would omit is simply not put in the object.

/** A JSON value; object keys are written in insertion order, as Go writes struct fields. */
export type GoJSON = null | boolean | number | bigint | string | GoJSON[] | GoMap<GoJSON> | { [key: string]: GoJSON };

/** json.Marshal of a value that is GoJSON already (goJSONStringify without its copy into GoJSON). */
export function goMarshal(v: GoJSON): string {
  return write(v, '', undefined);
}

/** json.MarshalIndent(v, "", indent). */
export function goMarshalIndent(v: GoJSON, indent = '  '): string {
  return write(v, '', indent);
}

/** json.MarshalIndent's text of v (json.Marshal's, without newlines or spaces, when `indent` is undefined). */
function write(v: GoJSON, prefix: string, indent: string | undefined): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return goQuoteJSON(v);
  const inner = prefix + (indent ?? '');
  // Between elements, and around them when there are any.
  const [open, sep, close] = indent === undefined ? ['', ',', ''] : ['\n' + inner, ',\n' + inner, '\n' + prefix];
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + open + v.map((e) => write(e, inner, indent)).join(sep) + close + ']';
  }
  // A GoMap's values are as given: an undefined one is left out, as a field is.
  const entries: readonly (readonly [string, unknown])[] = v instanceof GoMap ? v.entries.filter(([, e]) => e !== undefined) : Object.entries(v);
  if (entries.length === 0) return '{}';
  const colon = indent === undefined ? ':' : ': ';
  return '{' + open + entries.map(([k, e]) => goQuoteJSON(k) + colon + write(e as GoJSON, inner, indent)).join(sep) + close + '}';
}

/** A Go []byte as encoding/json writes it: standard base64. */
export function goBytesJSON(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

/**
 * In the text with its escapes masked (maskEscapes): JSON whitespace, a
 * string token, a punctuation character, or a run of other characters (a
 * number or a literal). No group repeats once an escape, so no string's
 * length or escapes can overflow the backtracking stack.
 */
const RAW_TOKEN = /[ \t\n\r]+|"[^"]*"|[{}[\],:]|[^ \t\n\r"{}[\],:]+/g;
/** What Go's compact escapes when asked to (json.RawMessage in Marshal): <, >, & and U+2028/U+2029. */
const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * A json.RawMessage (valid JSON text) as json.MarshalIndent writes it at
 * `depth` levels of `indent`: space between tokens dropped, <, >, &,
 * U+2028 and U+2029 escaped, then indented as json.Indent indents (an empty
 * object or array stays `{}` / `[]`). Keys keep their order and numbers
 * their text, which a JSON.parse round trip would not keep.
 */
export function goIndentRaw(raw: string, depth: number, indent = '  '): string {
  let out = '';
  let level = depth;
  let open = false; // after { or [: a newline comes first unless it closes at once
  const newline = (): string => '\n' + indent.repeat(level);
  for (const m of maskEscapes(raw).matchAll(RAW_TOKEN)) {
    const tok = raw.slice(m.index!, m.index! + m[0].length);
    const c = tok.charCodeAt(0);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    const closing = tok === '}' || tok === ']';
    if (open) {
      open = false;
      if (closing) {
        out += tok;
        level--;
        continue;
      }
      out += newline();
    }
    if (tok === '{' || tok === '[') {
      out += tok;
      level++;
      open = true;
    } else if (closing) {
      level--;
      out += newline() + tok;
    } else if (tok === ',') out += ',' + newline();
    else if (tok === ':') out += ': ';
    else out += c === 0x22 ? tok.replace(HTML_UNSAFE, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')) : tok;
  }
  return out;
}
