// Go's strconv: Quote (what fmt's %q prints for a string), ParseBool and the
// integer parsers, with Go's error texts. Upstream quotes user text this way in
// error messages, the AST dump and image history, so every layer of the
// project (parser, shell, instructions, converter, registry) shares these.

import { goIsPrint } from './unicode.ts';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The escape Go writes for code point `cp`, or null when it is kept as is. */
export function escapeRune(cp: number): string | null {
  if (cp === 0x22 || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (cp < 0x20 || cp === 0x7f) {
    switch (cp) {
      case 0x07: return '\\a';
      case 0x08: return '\\b';
      case 0x0c: return '\\f';
      case 0x0a: return '\\n';
      case 0x0d: return '\\r';
      case 0x09: return '\\t';
      case 0x0b: return '\\v';
      default: return '\\x' + hex(cp, 2);
    }
  }
  // unicode.IsPrint, from Go's tables: every other space and control character is escaped.
  if (cp < 0x80 || goIsPrint(cp)) return null;
  return cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
}

/** Go's strconv.Quote of a JS string; runs that need no escape are copied whole. */
export function goQuote(s: string): string {
  let out = '"';
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    let esc: string | null;
    if (cp >= 0xdc80 && cp <= 0xdcff) {
      // A kept byte (src/go/kept-bytes.ts): Go quotes a byte that is no UTF-8 as \xNN.
      esc = '\\x' + hex(cp - 0xdc00, 2);
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // Any other lone surrogate has no UTF-8 form; Go would hold U+FFFD there.
      esc = '\ufffd';
    } else esc = escapeRune(cp);
    if (esc !== null) {
      out += s.slice(runStart, i) + esc;
      runStart = i + w;
    }
    i += w;
  }
  return out + s.slice(runStart) + '"';
}

/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export function parseGoBool(s: string): boolean | undefined {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

/** Go's strconv.ParseUint(s, base, 32) for base 8 or 10; undefined on any error. */
export function parseGoUint32(s: string, base: 8 | 10): number | undefined {
  if (s === '') return undefined;
  let n = 0;
  for (const ch of s) {
    const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : -1;
    if (d < 0 || d >= base) return undefined;
    n = n * base + d;
    if (n > 0xffffffff) return undefined;
  }
  return n;
}

/**
 * Go's strconv.ParseInt(s, 10, 32). Throws with Go's message, e.g.
 * `strconv.ParseInt: parsing "x": invalid syntax`.
 */
export function parseGoInt32(s: string): number {
  const fail = (why: string): never => {
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  };
  let rest = s;
  let negative = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '') fail('invalid syntax');
  let n = 0;
  for (const ch of rest) {
    if (ch < '0' || ch > '9') fail('invalid syntax');
    n = n * 10 + (ch.charCodeAt(0) - 48);
    // The unsigned parse stops at the first overflow, before later bad characters.
    if (n > 0xffffffff) fail('value out of range');
  }
  if (!negative && n >= 2 ** 31) fail('value out of range');
  if (negative && n > 2 ** 31) fail('value out of range');
  return negative ? -n : n;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Decimal digits without their leading zeros ("0" for zeros only): at most 20 of them fit a 64-bit integer. */
function significantDigits(d: string): string {
  let i = 0;
  while (i < d.length - 1 && d.charCodeAt(i) === 0x30) i++;
  return i === 0 ? d : d.slice(i);
}

/**
 * The uint64 that strconv.ParseUint(s, 10, 64) reads, or why it refuses s.
 * Go reads the digits one by one and stops at the first that is no digit
 * (invalid syntax) or makes the value overflow (value out of range),
 * whichever comes first. Linear in s (a Dockerfile word can be 64 KiB): a
 * bigint is only made of the digits that can fit.
 */
function uint64Decimal(s: string): bigint | 'invalid syntax' | 'value out of range' {
  if (s === '') return 'invalid syntax';
  const bad = s.search(NOT_DIGIT);
  const digits = significantDigits(bad < 0 ? s : s.slice(0, bad));
  // The digits before the first bad character overflow already?
  if (digits.length > 20) return 'value out of range';
  const n = digits === '' ? 0n : BigInt(digits);
  if (n > UINT64_MAX) return 'value out of range';
  return bad < 0 ? n : 'invalid syntax';
}

const NOT_DIGIT = /[^0-9]/;

/** The int64 that strconv.ParseInt(s, 10, 64) reads, or why it refuses s. */
export function int64Decimal(s: string): bigint | 'invalid syntax' | 'value out of range' {
  if (s === '') return 'invalid syntax';
  const negative = s[0] === '-';
  const u = uint64Decimal(s[0] === '+' || negative ? s.slice(1) : s);
  if (u === 'invalid syntax') return u;
  // (A uint64 overflow is out of int64's range as well.)
  if (u === 'value out of range') return u;
  const n = negative ? -u : u;
  return n < INT64_MIN || n > INT64_MAX ? 'value out of range' : n;
}

/** Go's strconv.ParseInt(s, 10, 64). */
export function goParseInt64(s: string): bigint {
  const n = int64Decimal(s);
  if (typeof n !== 'bigint') throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${n}`);
  return n;
}

/** Go's strconv.ParseUint(s, 10, 64): no sign allowed. */
export function goParseUint64(s: string): bigint {
  const n = uint64Decimal(s);
  if (typeof n !== 'bigint') throw new Error(`strconv.ParseUint: parsing ${goQuote(s)}: ${n}`);
  return n;
}

/**
 * A Go int64 (or uint64) as JavaScript holds it: a number while it is exact
 * (within 2^53), else the bigint, so no digit is lost.
 */
export function int64Value(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
