// Go's strings functions whose JavaScript look-alikes differ.

import { isUtf8 } from 'node:buffer';
import { CASE_RUNS, FOLD_ORBITS } from './casing-table.ts';

/**
 * Go's unicode.IsSpace of a code point: Unicode White_Space, which Go's
 * strings.TrimSpace removes (unlike JavaScript's trim it includes U+0085 and
 * excludes the BOM, U+FEFF). All of it is in the BMP, so testing UTF-16 units
 * is testing characters.
 */
export function isGoSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Go's strings.TrimSpace (one scan from each end; called for every instruction's text). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Go's strings.ToLower: each rune's one-rune lower case from Go's own
 * tables (casing-table.ts), not JavaScript's toLowerCase, whose Unicode
 * version is the ICU's of the Node.js running and which has two special
 * cases Go lacks: U+0130 (İ) becomes `i` and a combining dot (Go: `i`), and
 * Σ ends a word as ς (Go: σ everywhere). A byte that is no UTF-8 becomes
 * U+FFFD.
 */
export function goToLower(s: string): string {
  return ascii.test(s) ? s.toLowerCase() : mapRunes(wellFormed(s), false);
}

/**
 * Go's strings.ToUpper: each rune's one-rune upper case from Go's tables.
 * JavaScript's toUpperCase applies SpecialCasing's longer mappings for some
 * characters (ß becomes SS and ﬁ FI, where Go keeps them) and its ICU's
 * Unicode version. A byte that is no UTF-8 becomes U+FFFD.
 */
export function goToUpper(s: string): string {
  return ascii.test(s) ? s.toUpperCase() : mapRunes(wellFormed(s), true);
}

const ascii = /^[\x00-\x7f]*$/;

function mapRunes(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const m = goCase(c, upper);
    out += m === c ? ch : String.fromCodePoint(m);
  }
  return out;
}

/** Go's unicode.ToUpper (upper) or ToLower of a code point. */
function goCase(c: number, upper: boolean): number {
  let lo = 0;
  let hi = CASE_RUNS.length >> 2;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    const i = m << 2;
    if (c < CASE_RUNS[i]!) hi = m;
    else if (c > CASE_RUNS[i + 1]!) lo = m + 1;
    else {
      const d = CASE_RUNS[i + (upper ? 2 : 3)]!;
      if (d !== UPPER_LOWER) return c + d;
      const pair = CASE_RUNS[i]! + ((c - CASE_RUNS[i]!) & ~1);
      return upper ? pair : pair + 1;
    }
  }
  return c;
}

const UPPER_LOWER = 0x110000;

/**
 * Go's strings.EqualFold: rune by rune, equal or in one unicode.SimpleFold
 * orbit (Unicode's simple case folding, Go's tables), so ſ matches
 * s and S, K (U+212A, the Kelvin sign) matches k, and ẞ matches ß, unlike
 * comparing toLowerCase results. A byte that is no UTF-8 is U+FFFD.
 */
export function goEqualFold(a: string, b: string): boolean {
  if (a === b) return true;
  const x = wellFormed(a);
  const y = wellFormed(b);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.codePointAt(i)!;
    const cy = y.codePointAt(j)!;
    i += cx > 0xffff ? 2 : 1;
    j += cy > 0xffff ? 2 : 1;
    if (cx === cy) continue;
    if (cx < 0x80 && cy < 0x80) {
      // ASCII: only a letter and its other case are equivalent.
      if ((cx | 0x20) !== (cy | 0x20) || (cx | 0x20) < 0x61 || (cx | 0x20) > 0x7a) return false;
      continue;
    }
    if (!foldsTo(cx, cy)) return false;
  }
  return i === x.length && j === y.length;
}

/**
 * Go's encoding/json foldName: ASCII letters upper-cased, every other rune
 * the smallest of its unicode.SimpleFold orbit, so names that are equal
 * under strings.EqualFold fold to one string (json matches a key to a struct
 * field so: "ExpoſedPorts" is ExposedPorts).
 */
export function goFoldName(s: string): string {
  if (ascii.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of wellFormed(s)) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      out += c >= 0x61 && c <= 0x7a ? String.fromCharCode(c - 0x20) : ch;
      continue;
    }
    let least = c;
    for (const o of orbitOf(c)) if (o < least) least = o;
    out += least === c ? ch : String.fromCodePoint(least);
  }
  return out;
}

let orbits: Map<number, readonly number[]> | undefined;

/** Whether two different code points are in one unicode.SimpleFold orbit. */
function foldsTo(cx: number, cy: number): boolean {
  return orbitOf(cx).includes(cy);
}

/** The code points of c's unicode.SimpleFold orbit (c among them). */
function orbitOf(c: number): readonly number[] {
  if (orbits === undefined) {
    orbits = new Map();
    for (const o of FOLD_ORBITS) for (const x of o) orbits.set(x, o);
  }
  // Unless Go lists the orbit, it is the code point with its lower and upper case.
  return orbits.get(c) ?? [c, goCase(c, false), goCase(c, true)];
}

/** Go reads a string rune by rune: a byte that is no UTF-8 (a lone surrogate here) becomes U+FFFD. */
export function wellFormed(s: string): string {
  const t = s as string & { isWellFormed(): boolean; toWellFormed(): string };
  return t.isWellFormed() ? s : t.toWellFormed();
}

// (A regular expression scans faster than a loop of charCodeAt while the
// code is still interpreted, which in a short process it mostly is.)
const SURROGATE = /[\ud800-\udfff]/;

/** Whether a string has a UTF-16 surrogate (a character beyond the BMP, or a lone one). */
export function hasSurrogate(s: string): boolean {
  return SURROGATE.test(s);
}

/**
 * Go compares string map keys as UTF-8 bytes. That is code-unit order
 * (JavaScript's default sort) unless a surrogate pair meets U+E000..U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  if (hasSurrogate(a) || hasSurrogate(b)) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a < b ? -1 : 1;
}

/** Valid UTF-8 as a string (Buffer's decoder keeps a leading BOM, as Go does; TextDecoder drops it). */
function utf8Text(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

/** The length of the valid UTF-8 sequence at b[i] by Go's accept ranges, or 0. */
function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c < 0x80) return 1;
  if (c < 0xc2) return 0;
  if (c < 0xe0) return cont(1) ? 2 : 0;
  if (c < 0xf0) return cont(1, c === 0xe0 ? 0xa0 : 0x80, c === 0xed ? 0x9f : 0xbf) && cont(2) ? 3 : 0;
  if (c < 0xf5) return cont(1, c === 0xf0 ? 0x90 : 0x80, c === 0xf4 ? 0x8f : 0xbf) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** utf8.DecodeRune of b[i:]: the rune and its length (U+FFFD and 1 for a bad byte, U+FFFD and 0 for none). */
export function goDecodeRune(b: Uint8Array, i = 0): [number, number] {
  if (i >= b.length) return [0xfffd, 0];
  const n = utf8SequenceAt(b, i);
  if (n === 0) return [0xfffd, 1];
  const c = b[i]!;
  if (n === 1) return [c, 1];
  let r = c & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (let k = 1; k < n; k++) r = (r << 6) | (b[i + k]! & 0x3f);
  return [r, n];
}

/**
 * UTF-8 bytes as a string, each byte that is no UTF-8 (by Go's rune
 * decoder) written as `invalid(byte)`.
 */
export function decodeUTF8With(b: Uint8Array, invalid: (byte: number) => string): string {
  // isUtf8 is native; a TextDecoder with fatal set costs milliseconds on first use.
  if (isUtf8(b)) return utf8Text(b);
  let out = '';
  let start = 0;
  for (let i = 0; i < b.length; ) {
    const n = utf8SequenceAt(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += utf8Text(b.subarray(start, i)) + invalid(b[i]!);
    start = ++i;
  }
  return out + utf8Text(b.subarray(start));
}

/**
 * Bytes read as Go's rune decoders and encoding/json read them: each byte
 * that is no UTF-8 is its own U+FFFD. (TextDecoder gives one U+FFFD for a
 * whole broken sequence: "\xe2\x82" is one there, two in Go.)
 */
export function goDecodeUTF8(b: Uint8Array): string {
  return decodeUTF8With(b, () => '\ufffd');
}
