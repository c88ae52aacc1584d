// Go's encoding/json Unmarshal into a described Go type, with upstream's
// strictness and its words: the text must be valid JSON (syntax errors are
// the Go scanner's, checked before anything is decoded); a value of the wrong
// kind is skipped and the first such mismatch is the error ("json: cannot
// unmarshal string into Go struct field S.a.b of type []string"), reported
// once the whole document has been read; keys match struct fields
// case-insensitively (as strings.EqualFold: goFoldName), the last of
// duplicates winning (maps merge); null leaves a value as it was; unknown
// keys are ignored. A field with its own decoding (time.Time) fails at once
// with its own message.
//
// Numbers keep their literal text (Go's message for an integer field quotes
// it: "number 1.5"). Nothing recurses deeper than the type description, so
// deeply nested unknown values cannot exhaust the stack.

import { goBase64StdDecode } from './base64.ts';
import { goFoldName } from './strings.ts';
import { goQuote, int64Decimal, int64Value } from './strconv.ts';

/** A Go type: what a JSON value is decoded into. */
export type GoType =
  | { kind: 'string'; name?: string }
  | { kind: 'bool' }
  /** A signed 64-bit integer type (int, int64, time.Duration). */
  | { kind: 'int'; name: string }
  | { kind: 'slice'; elem: GoType }
  /** []byte: a base64 string (StdEncoding), or an array of numbers 0-255. */
  | { kind: 'bytes' }
  | { kind: 'map'; elem: GoType }
  | { kind: 'struct'; name: string; fields: GoField[] }
  | { kind: 'ptr'; elem: GoType }
  /**
   * A type with its own UnmarshalJSON (never called for null): `literal` is
   * the JSON text of the value as written (a string with its quotes and
   * escapes); returns the value or throws the method's error.
   */
  | { kind: 'custom'; name: string; parse: (literal: string) => unknown };

/** A struct field: its JSON key, the names of the embedded structs it is promoted through, its type. */
export interface GoField {
  json: string;
  /** Embedded struct names it sits in (for the error's field path), outermost first. */
  via?: string[];
  /** The Go field name when it differs from the JSON key in messages (never, so far). */
  type: GoType;
}

const STRING: GoType = { kind: 'string' };
/** uint8, for the messages about a []byte's elements. */
const UINT8: GoType = { kind: 'string', name: 'uint8' };

/** image-spec's v1.Platform as it appears in JSON (in images, embedded; in worker lists, on its own). */
export const OCI_PLATFORM_FIELDS: readonly GoField[] = [
  { json: 'architecture', type: STRING },
  { json: 'os', type: STRING },
  { json: 'os.version', type: STRING },
  { json: 'os.features', type: { kind: 'slice', elem: STRING } },
  { json: 'variant', type: STRING },
];

/** The display name of a type, as reflect's Type.String prints it. */
export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string':
      return t.name ?? 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return t.name;
    case 'slice':
      return '[]' + goTypeName(t.elem);
    case 'bytes':
      return '[]uint8';
    case 'map':
      return 'map[string]' + goTypeName(t.elem);
    case 'struct':
      return t.name;
    case 'ptr':
      return '*' + goTypeName(t.elem);
    case 'custom':
      return t.name;
  }
}

/** What json: messages name a value's type as: a pointer by what it points to. */
function messageTypeName(t: GoType): string {
  return t.kind === 'ptr' ? messageTypeName(t.elem) : goTypeName(t);
}

/** A failed decode: the Go error text. */
export class GoJSONError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoJSONError';
  }
}

// ---- the scanner's errors (encoding/json scanner.go wording) ----

function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  // Go's scanner reads bytes: a character beyond ASCII is its first UTF-8
  // byte, quoted as the Latin-1 rune of that byte (a BOM is 'ï').
  const cp = c.codePointAt(0)!;
  const byte = cp < 0x80 ? cp : Buffer.from(c, 'utf8')[0]!;
  return `'${goQuote(String.fromCharCode(byte)).slice(1, -1)}'`;
}

class SyntaxError_ extends GoJSONError {}

const END = 'unexpected end of JSON input';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A decoded JSON value: numbers as their literal text, objects as ordered key/value pairs (duplicates kept). */
export type Raw =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'number'; v: string }
  /** `r`: the literal between the quotes, when it has escapes. */
  | { t: 'string'; v: string; r?: string }
  | { t: 'array'; v: Raw[] }
  | { t: 'object'; v: [string, Raw][] };

/** A run of string characters with no quote, backslash or control character (possibly empty). */
const PLAIN = /[^"\\\x00-\x1f]*/y;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NULL: Raw = { t: 'null' };
const TRUE: Raw = { t: 'bool', v: true };
const FALSE: Raw = { t: 'bool', v: false };

/**
 * Parses the text as Go's scanner would accept it, without recursion
 * (arrays and objects are built on an explicit stack). Go limits nesting to
 * 10000 levels.
 */
export function parseGoJSON(s: string): Raw {
  let i = 0;
  const n = s.length;
  const at = (): string => String.fromCodePoint(s.codePointAt(i)!);
  const bad = (what: string): never => {
    if (i >= n) throw new SyntaxError_(END);
    throw new SyntaxError_(`invalid character ${quoteChar(at())} ${what}`);
  };
  // At the end of the input Go's scanner steps a space: a literal or number cut short says so.
  const badLiteral = (what: string): never => {
    if (i >= n) throw new SyntaxError_(`invalid character ' ' ${what}`);
    throw new SyntaxError_(`invalid character ${quoteChar(at())} ${what}`);
  };
  const ws = (): void => {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
  };
  const literal = (word: string, v: Raw): Raw => {
    i++;
    for (let k = 1; k < word.length; k++, i++) {
      if (s[i] !== word[k]) badLiteral(`in literal ${word} (expecting '${word[k]}')`);
    }
    return v;
  };
  const digits = (): void => {
    while (i < n && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  };
  const number = (): Raw => {
    const start = i;
    if (s[i] === '-') {
      i++;
      const c = s.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) badLiteral('in numeric literal');
    }
    if (s[i] === '0') i++;
    else digits();
    if (s[i] === '.') {
      i++;
      const c = s.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) badLiteral('after decimal point in numeric literal');
      digits();
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      const c = s.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) badLiteral('in exponent of numeric literal');
      digits();
    }
    return { t: 'number', v: s.slice(start, i) };
  };
  let lastRaw: string | undefined;
  const string = (): string => {
    const start = ++i;
    let escaped = false;
    for (;;) {
      // Characters that need no look, skipped by the regular expression in
      // native code (a loop over them runs interpreted in a fresh process).
      PLAIN.lastIndex = i;
      PLAIN.test(s);
      i = PLAIN.lastIndex;
      if (i >= n) throw new SyntaxError_(END);
      const c = s.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) bad('in string literal');
      if (c === 0x5c) {
        escaped = true;
        i++;
        // (At the end of the input, the space Go's scanner steps is no escape.)
        if (i >= n) badLiteral('in string escape code');
        const e = s[i];
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n || !/[0-9a-fA-F]/.test(s[i])) badLiteral('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) {
          bad('in string escape code');
        }
      }
      i++;
    }
    const body = s.slice(start, i);
    i++;
    lastRaw = escaped ? body : undefined;
    // Go replaces a lone surrogate (from an escape) with U+FFFD.
    return escaped ? (JSON.parse('"' + body + '"') as string).replace(LONE_SURROGATE, '\ufffd') : body;
  };

  // An object's key and its colon, up to the value.
  const key = (): string => {
    if (s[i] !== '"') bad('looking for beginning of object key string');
    const k = string();
    ws();
    if (s[i] !== ':') bad('after object key');
    i++;
    ws();
    return k;
  };

  interface Frame {
    arr?: Raw[];
    obj?: [string, Raw][];
    key?: string;
  }
  const stack: Frame[] = [];
  ws();
  for (;;) {
    // Read one value, or open a container.
    let v: Raw | undefined;
    if (i >= n) throw new SyntaxError_(END);
    const c = s[i];
    if (c === '{' || c === '[') {
      if (stack.length >= 10000) bad('exceeded max depth');
      i++;
      ws();
      if (c === '{') {
        const f: Frame = { obj: [] };
        if (s[i] === '}') {
          i++;
          v = { t: 'object', v: f.obj! };
        } else {
          f.key = key();
          stack.push(f);
          continue;
        }
      } else {
        const f: Frame = { arr: [] };
        if (s[i] === ']') {
          i++;
          v = { t: 'array', v: f.arr! };
        } else {
          stack.push(f);
          continue;
        }
      }
    } else if (c === '"') {
      v = { t: 'string', v: string() };
      if (lastRaw !== undefined) v.r = lastRaw;
    }
    else if (c === 't') v = literal('true', TRUE);
    else if (c === 'f') v = literal('false', FALSE);
    else if (c === 'n') v = literal('null', NULL);
    else if (c === '-' || (c >= '0' && c <= '9')) v = number();
    else bad('looking for beginning of value');
    // Close containers the value completes.
    for (;;) {
      ws();
      const top = stack.at(-1);
      if (top === undefined) {
        if (i < n) bad('after top-level value');
        return v!;
      }
      if (top.arr !== undefined) {
        top.arr.push(v!);
        if (s[i] === ',') {
          i++;
          ws();
          break;
        }
        if (s[i] !== ']') bad('after array element');
        i++;
        stack.pop();
        v = { t: 'array', v: top.arr };
        continue;
      }
      top.obj!.push([top.key!, v!]);
      if (s[i] === ',') {
        i++;
        ws();
        top.key = key();
        break;
      }
      if (s[i] !== '}') bad('after object key:value pair');
      i++;
      stack.pop();
      v = { t: 'object', v: top.obj! };
    }
  }
}

// ---- decoding into the type ----

interface Ctx {
  /** The first kind mismatch (Go keeps decoding and reports it at the end). */
  saved?: string;
  /** Name of the struct whose object is being decoded. */
  struct?: string;
  /** Field path from the top (embedded struct names included). */
  path: string[];
}

function mismatch(ctx: Ctx, value: string, t: GoType): void {
  if (ctx.saved !== undefined) return;
  const where = ctx.path.length === 0 || ctx.struct === undefined ? 'Go value' : `Go struct field ${ctx.struct}.${ctx.path.join('.')}`;
  ctx.saved = `json: cannot unmarshal ${value} into ${where} of type ${messageTypeName(t)}`;
}

function fieldIndex(t: Extract<GoType, { kind: 'struct' }>): Map<string, GoField> {
  let m = indexes.get(t);
  if (m === undefined) {
    m = new Map();
    for (const f of t.fields) m.set(goFoldName(f.json), f);
    indexes.set(t, m);
  }
  return m;
}
const indexes = new WeakMap<object, Map<string, GoField>>();

/**
 * The fields by their JSON name as written, those only whose folded name
 * gives the same field back: a key spelled as its field is (nearly every
 * key) is looked up without folding it first (a config of 400,000 history
 * entries folded 1.2 million keys).
 */
function exactIndex(t: Extract<GoType, { kind: 'struct' }>): Map<string, GoField> {
  let m = exactIndexes.get(t);
  if (m === undefined) {
    const folded = fieldIndex(t);
    m = new Map();
    for (const f of t.fields) if (folded.get(goFoldName(f.json)) === f) m.set(f.json, f);
    exactIndexes.set(t, m);
  }
  return m;
}
const exactIndexes = new WeakMap<object, Map<string, GoField>>();

/** The longest folded field name of an index, in UTF-16 units; folding keeps the number of runes. */
function longestName(idx: Map<string, GoField>): number {
  let n = longest.get(idx);
  if (n === undefined) {
    n = 0;
    for (const k of idx.keys()) n = Math.max(n, k.length);
    longest.set(idx, n);
  }
  return n;
}
const longest = new WeakMap<object, number>();

/** Decodes `raw` into type `t` starting from `cur` (the value so far: null leaves it, maps merge into it). */
function decode(raw: Raw, t: GoType, cur: unknown, ctx: Ctx): unknown {
  if (raw.t === 'null') {
    // null sets pointers, slices and maps to nil; other kinds stay as they were.
    return t.kind === 'ptr' || t.kind === 'slice' || t.kind === 'bytes' || t.kind === 'map' ? undefined : cur;
  }
  switch (t.kind) {
    case 'ptr':
      return decode(raw, t.elem, cur, ctx);
    case 'custom':
      return t.parse(literalOf(raw));
    case 'string':
      if (raw.t === 'string') return raw.v;
      mismatch(ctx, raw.t, t);
      return cur;
    case 'bool':
      if (raw.t === 'bool') return raw.v;
      mismatch(ctx, raw.t, t);
      return cur;
    case 'int': {
      if (raw.t !== 'number') {
        mismatch(ctx, raw.t, t);
        return cur;
      }
      const n = int64Decimal(raw.v);
      if (typeof n !== 'bigint') {
        mismatch(ctx, `number ${raw.v}`, t);
        return cur;
      }
      // Beyond 2^53 a number would lose digits that Go's int64 keeps.
      return int64Value(n);
    }
    case 'slice': {
      if (raw.t !== 'array') {
        mismatch(ctx, raw.t, t);
        return cur;
      }
      // Go reuses the slice but sets its length to what was decoded: the old elements are gone.
      return raw.v.map((e) => decode(e, t.elem, zero(t.elem), ctx));
    }
    case 'bytes': {
      if (raw.t === 'string') {
        const b = goBase64StdDecode(raw.v);
        if (b instanceof Uint8Array) return b;
        // A base64 error is saved as it is, and the value stays nil.
        ctx.saved ??= b.error;
        return undefined;
      }
      if (raw.t !== 'array') {
        mismatch(ctx, raw.t, t);
        return cur;
      }
      // Each element a uint8 (strconv.ParseUint(literal, 10, 8)); null leaves a 0.
      return Uint8Array.from(raw.v, (e) => {
        if (e.t === 'null') return 0;
        if (e.t !== 'number') {
          mismatch(ctx, e.t, UINT8);
          return 0;
        }
        if (!/^(0|[1-9][0-9]{0,2})$/.test(e.v) || Number(e.v) > 255) {
          mismatch(ctx, `number ${e.v}`, UINT8);
          return 0;
        }
        return Number(e.v);
      });
    }
    case 'map': {
      if (raw.t !== 'object') {
        mismatch(ctx, raw.t, t);
        return cur;
      }
      const m = (cur as Record<string, unknown> | undefined) ?? Object.create(null);
      for (const [k, v] of raw.v) {
        const d = decode(v, t.elem, zero(t.elem), ctx);
        m[k] = d;
      }
      return m;
    }
    case 'struct': {
      if (raw.t !== 'object') {
        mismatch(ctx, raw.t, t);
        return cur;
      }
      const o = (cur as Record<string, unknown> | undefined) ?? {};
      const idx = fieldIndex(t);
      const exact = exactIndex(t);
      const outer = ctx.struct;
      // A key of more runes than any field's name names none (at least half its UTF-16 units are runes): not folded.
      const max = longestName(idx);
      for (const [k, v] of raw.v) {
        const f = exact.get(k) ?? (k.length > 2 * max ? undefined : idx.get(goFoldName(k)));
        if (f === undefined) continue;
        const depth = ctx.path.length;
        if (f.via !== undefined) ctx.path.push(...f.via);
        ctx.path.push(f.json);
        ctx.struct = t.name.slice(t.name.lastIndexOf('.') + 1);
        o[f.json] = decode(v, f.type, o[f.json], ctx);
        ctx.path.length = depth;
      }
      ctx.struct = outer;
      return o;
    }
  }
}

/** A parsed value as JSON text again, numbers and string escapes as they were written. */
export function rawJSONText(raw: Raw): string {
  // A stack of its own: a config may nest as deep as Go's 10,000 levels.
  const out: string[] = [];
  const work: (Raw | string)[] = [raw];
  while (work.length > 0) {
    const r = work.pop()!;
    if (typeof r === 'string') {
      out.push(r);
      continue;
    }
    if (r.t === 'array' || r.t === 'object') {
      const next: (Raw | string)[] = [r.t === 'array' ? '[' : '{'];
      if (r.t === 'array') r.v.forEach((e, i) => next.push(...(i > 0 ? [','] : []), e));
      else r.v.forEach(([k, e], i) => next.push((i > 0 ? ',' : '') + JSON.stringify(k) + ':', e));
      next.push(r.t === 'array' ? ']' : '}');
      for (let i = next.length - 1; i >= 0; i--) work.push(next[i]!);
    } else out.push(literalOf(r));
  }
  return out.join('');
}

/** The JSON text of a value (containers only as their first character: custom types here take strings). */
function literalOf(raw: Raw): string {
  switch (raw.t) {
    case 'string':
      return '"' + (raw.r ?? raw.v) + '"';
    case 'number':
      return raw.v;
    case 'bool':
      return String(raw.v);
    case 'array':
      return '[';
    case 'object':
      return '{';
    case 'null':
      return 'null';
  }
}

function zero(t: GoType): unknown {
  switch (t.kind) {
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'int':
      return 0;
    default:
      return undefined;
  }
}

/**
 * json.Unmarshal(text, &v) for a v of type `t`: the decoded value (structs
 * as objects keyed by JSON name holding the fields present; absent or null
 * values undefined) or a GoJSONError with Go's message.
 */
export function goUnmarshal(text: string, t: GoType): unknown {
  const raw = parseGoJSON(text);
  const ctx: Ctx = { path: [] };
  const v = decode(raw, t, undefined, ctx);
  if (ctx.saved !== undefined) throw new GoJSONError(ctx.saved);
  return v;
}
