// The JSON (exec) form `["a", "b"]`, decided exactly as Go's encoding/json
// would: the whole text must be one valid JSON value; a number too large for
// a float64 makes decoding fail (so the line falls back to shell form); only
// then are non-string elements an error. Strings are decoded the Go way
// (invalid UTF-8 and lone surrogates become U+FFFD). Byte strings in and out.

import { decodeRune, REPLACEMENT_BYTES, runeWidth, skipSpaces } from './bytes.ts';

export type JsonArrayResult =
  | { kind: 'strings'; values: string[] }
  /** Not JSON (or not decodable): the caller uses the shell form. */
  | { kind: 'invalid' }
  /** Valid JSON array with an element that is not a string. */
  | { kind: 'not-strings' };

const INVALID: JsonArrayResult = { kind: 'invalid' };
const NOT_STRINGS: JsonArrayResult = { kind: 'not-strings' };

class Reader {
  pos = 0;
  /** Set when a number does not fit a float64 (Go's UnmarshalTypeError). */
  overflow = false;
  constructor(readonly s: string) {}

  skipWs(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }
}

/** Parses `text` (leading Unicode space allowed) as a JSON array of strings. */
export function parseJsonArray(text: string): JsonArrayResult {
  const start = skipSpaces(text, 0);
  if (text.charCodeAt(start) !== 0x5b /* [ */) return INVALID;
  const r = new Reader(text);
  r.pos = start;
  let top: unknown[];
  try {
    top = readArray(r);
    r.skipWs();
    if (r.pos !== text.length) return INVALID;
  } catch {
    return INVALID;
  }
  if (r.overflow) return INVALID;
  const values: string[] = [];
  for (const v of top) {
    if (typeof v !== 'string') return NOT_STRINGS;
    values.push(v);
  }
  return { kind: 'strings', values };
}

class SyntaxErr extends Error {}

function fail(): never {
  throw new SyntaxErr('invalid JSON');
}

/** Go's limit on nesting (encoding/json's maxNestingDepth): one level more is a syntax error. */
const MAX_DEPTH = 10000;

/** A scalar value, or a container (read by readNested, whose contents never matter: it is no string). */
function readValue(r: Reader): unknown {
  r.skipWs();
  const c = r.s.charCodeAt(r.pos);
  switch (c) {
    case 0x5b:
    case 0x7b:
      return readNested(r);
    case 0x22:
      return readString(r);
    case 0x74:
      return readLiteral(r, 'true', true);
    case 0x66:
      return readLiteral(r, 'false', false);
    case 0x6e:
      return readLiteral(r, 'null', null);
    default:
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber(r);
      return fail();
  }
}

/** Elements of the top-level array. */
function readArray(r: Reader): unknown[] {
  r.pos++; // [
  const out: unknown[] = [];
  r.skipWs();
  if (r.s.charCodeAt(r.pos) === 0x5d) {
    r.pos++;
    return out;
  }
  for (;;) {
    out.push(readValue(r));
    r.skipWs();
    const c = r.s.charCodeAt(r.pos++);
    if (c === 0x5d) return out;
    if (c !== 0x2c) fail();
  }
}

const NESTED = Object.freeze({});

/**
 * A container inside the top-level array, checked without recursion (an
 * explicit stack of closing brackets): however deep the input nests, the
 * answer is Go's (valid up to 10000 levels, a syntax error past them).
 */
function readNested(r: Reader): object {
  const closers: number[] = [];
  const s = r.s;
  // At the start of a value.
  for (;;) {
    r.skipWs();
    const c = s.charCodeAt(r.pos);
    if (c === 0x5b || c === 0x7b) {
      // The top-level array is level 1.
      if (closers.length + 2 > MAX_DEPTH) fail();
      r.pos++;
      closers.push(c === 0x5b ? 0x5d : 0x7d);
      r.skipWs();
      if (s.charCodeAt(r.pos) === closers[closers.length - 1]) {
        r.pos++;
        closers.pop();
      } else {
        if (c === 0x7b) readKey(r);
        continue;
      }
    } else {
      readValue(r);
    }
    // After a value: close containers, or go on to the next element.
    for (;;) {
      if (closers.length === 0) return NESTED;
      r.skipWs();
      const d = s.charCodeAt(r.pos++);
      if (d === closers[closers.length - 1]) {
        closers.pop();
        continue;
      }
      if (d !== 0x2c) fail();
      if (closers[closers.length - 1] === 0x7d) readKey(r);
      break;
    }
  }
}

/** An object key and its colon. */
function readKey(r: Reader): void {
  r.skipWs();
  if (r.s.charCodeAt(r.pos) !== 0x22) fail();
  readString(r);
  r.skipWs();
  if (r.s.charCodeAt(r.pos++) !== 0x3a) fail();
}

function readLiteral<T>(r: Reader, word: string, value: T): T {
  if (!r.s.startsWith(word, r.pos)) fail();
  r.pos += word.length;
  return value;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function readNumber(r: Reader): number {
  NUMBER.lastIndex = r.pos;
  const m = NUMBER.exec(r.s);
  if (m === null) fail();
  r.pos += m[0].length;
  const v = Number(m[0]);
  if (!Number.isFinite(v)) r.overflow = true;
  return v;
}

function hex4(s: string, at: number): number {
  if (at + 4 > s.length) return -1;
  let v = 0;
  for (let i = at; i < at + 4; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
    else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/** UTF-8 bytes of a code point, as a byte string. */
function runeBytes(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) {
    return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return String.fromCharCode(
    0xf0 | (cp >> 18),
    0x80 | ((cp >> 12) & 0x3f),
    0x80 | ((cp >> 6) & 0x3f),
    0x80 | (cp & 0x3f),
  );
}

function readString(r: Reader): string {
  const s = r.s;
  let i = r.pos + 1;
  let out = '';
  let runStart = i;
  for (;;) {
    if (i >= s.length) fail();
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      out += s.slice(runStart, i);
      r.pos = i + 1;
      return out;
    }
    if (c < 0x20) fail();
    if (c < 0x80) {
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(runStart, i);
      const e = s.charCodeAt(i + 1);
      i += 2;
      switch (e) {
        case 0x22:
        case 0x5c:
        case 0x2f:
          out += String.fromCharCode(e);
          break;
        case 0x62:
          out += '\b';
          break;
        case 0x66:
          out += '\f';
          break;
        case 0x6e:
          out += '\n';
          break;
        case 0x72:
          out += '\r';
          break;
        case 0x74:
          out += '\t';
          break;
        case 0x75: {
          let cp = hex4(s, i);
          if (cp < 0) fail();
          i += 4;
          if (cp >= 0xd800 && cp < 0xe000) {
            // A high surrogate followed by an escaped low one is one rune;
            // anything else is U+FFFD and the next escape stands alone.
            const lo = s.charCodeAt(i) === 0x5c && s.charCodeAt(i + 1) === 0x75 ? hex4(s, i + 2) : -1;
            if (cp < 0xdc00 && lo >= 0xdc00 && lo < 0xe000) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
              i += 6;
            } else {
              cp = 0xfffd;
            }
          }
          out += runeBytes(cp);
          break;
        }
        default:
          fail();
      }
      runStart = i;
      continue;
    }
    // Non-ASCII: keep valid sequences, replace each undecodable byte.
    decodeRune(s, i);
    if (runeWidth === 1) {
      out += s.slice(runStart, i) + REPLACEMENT_BYTES;
      i++;
      runStart = i;
    } else {
      i += runeWidth;
    }
  }
}
