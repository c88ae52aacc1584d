// The parser works on "byte strings": JS strings whose every char code is one
// byte (0-255) of the UTF-8 Dockerfile, i.e. the file decoded as latin1.
// Upstream's Go parser works on bytes, and several of its quirks only exist
// at that level (flag words are read byte by byte, the 64 KiB line limit
// counts bytes, invalid UTF-8 becomes U+FFFD in some places but not others).
// Working on bytes reproduces them all without special cases; values are
// decoded to ordinary JS strings once, when the AST is handed out (an
// instruction's arguments with keepBytes: a byte that is no UTF-8 stays a
// kept byte, see src/go/kept-bytes.ts).

import { KEPT_BYTE, keptBytesBack } from '../../go/kept-bytes.ts';
import { isGoSpace } from '../../go/strings.ts';

const NON_ASCII = /[\x80-\xff]/;

/**
 * Turns Dockerfile input into a byte string; a kept byte (see keepBytes)
 * becomes its byte again.
 */
export function toByteString(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    // ASCII text is already its own byte string.
    for (let i = 0; i < input.length; i++) {
      if (input.charCodeAt(i) >= 0x80) return KEPT_BYTE.test(input) ? keptBytesBack(input) : Buffer.from(input, 'utf8').toString('latin1');
    }
    return input;
  }
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
}

/**
 * Decodes a byte string as UTF-8, each byte that is no UTF-8 becoming U+FFFD
 * as in Go (Node's decoder makes one U+FFFD of a truncated sequence: there,
 * the slower rune-by-rune decoding is used).
 */
export function fromByteString(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const out = Buffer.from(s, 'latin1').toString('utf8');
  return out.includes('\ufffd') ? goDecode(s) : out;
}

/** Encodes a JS string as a byte string (UTF-8). */
export function utf8ByteString(s: string): string {
  return toByteString(s);
}

/** U+FFFD as UTF-8 bytes: what Go writes for an undecodable byte. */
export const REPLACEMENT_BYTES = '\xef\xbf\xbd';

/**
 * Width of the rune decoded by `decodeRune` (Go's utf8.DecodeRuneInString);
 * a module variable so the hot loops allocate nothing.
 */
export let runeWidth = 1;

/**
 * Decodes the UTF-8 rune at byte offset `i` as Go does: invalid or truncated
 * sequences, overlongs, surrogates and values above U+10FFFF give U+FFFD
 * with width 1. Sets `runeWidth`.
 */
export function decodeRune(s: string, i: number): number {
  const b0 = s.charCodeAt(i);
  runeWidth = 1;
  if (b0 < 0x80) return b0;
  const n = s.length;
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if ((b1 & 0xc0) !== 0x80) return 0xfffd;
    runeWidth = 2;
    return ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    if (b1 < lo || b1 > hi) return 0xfffd;
    const b2 = i + 2 < n ? s.charCodeAt(i + 2) : 0;
    if ((b2 & 0xc0) !== 0x80) return 0xfffd;
    runeWidth = 3;
    return ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return 0xfffd;
    const b2 = i + 2 < n ? s.charCodeAt(i + 2) : 0;
    const b3 = i + 3 < n ? s.charCodeAt(i + 3) : 0;
    if ((b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return 0xfffd;
    runeWidth = 4;
    return ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  }
  return 0xfffd;
}

/** Whether a byte string holds bytes that are no UTF-8 (Go's !utf8.ValidString). */
export function hasInvalidUTF8(s: string): boolean {
  if (!NON_ASCII.test(s)) return false;
  for (let i = 0; i < s.length; i += runeWidth) {
    if (decodeRune(s, i) === 0xfffd && runeWidth === 1) return true;
  }
  return false;
}

/**
 * Start offset of the last rune ending at `end` (Go's
 * utf8.DecodeLastRuneInString): an invalid tail counts as one byte.
 */
export function lastRuneStart(s: string, end: number): number {
  const last = end - 1;
  if (s.charCodeAt(last) < 0x80) return last;
  const lim = Math.max(0, end - 4);
  let start = last;
  while (start > lim && (s.charCodeAt(start) & 0xc0) === 0x80) start--;
  decodeRune(s, start);
  return start + runeWidth === end ? start : last;
}

/** `\s` of Go's regexp: [\t\n\f\r ] (no \v, ASCII only). */
export function isRegexpSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Go's unicode.IsSpace applied to a single byte taken as a rune. */
export function isSpaceByte(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d) || b === 0x85 || b === 0xa0;
}

/** Offset of the first rune that is not a Unicode space (Go's TrimLeftFunc). */
export function skipSpaces(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        i++;
        continue;
      }
      return i;
    }
    const r = decodeRune(s, i);
    if (!isGoSpace(r)) return i;
    i += runeWidth;
  }
  return i;
}

/** Go's bytes.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftSpace(s: string): string {
  const i = skipSpaces(s, 0);
  return i === 0 ? s : s.slice(i);
}

/** Go's strings.TrimSpace (Unicode white space, rune-decoded). */
export function trimSpace(s: string): string {
  const start = skipSpaces(s, 0);
  let end = s.length;
  while (end > start) {
    const c = s.charCodeAt(end - 1);
    if (c < 0x80) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) {
        end--;
        continue;
      }
      break;
    }
    const rs = lastRuneStart(s, end);
    // A lone byte >= 0x80 is undecodable: U+FFFD, not a space.
    const r = rs === end - 1 ? 0xfffd : decodeRune(s, rs);
    if (!isGoSpace(r)) break;
    end = rs;
  }
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Index of the first run of Go's `[\t\v\f\r ]+` at or after `from`, or -1. */
export function indexOfAsciiBlank(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d) return i;
  }
  return -1;
}

/** True for the bytes of Go's `[\t\v\f\r ]`. */
export function isAsciiBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

const ASCII_BLANKS = /[\t\v\f\r ]+/;

/**
 * Go's `regexp.MustCompile("[\t\v\f\r ]+").Split(s, -1)`; JS's split with
 * the same pattern keeps the same leading and trailing empty pieces.
 */
export function splitAsciiBlanks(s: string): string[] {
  return s.split(ASCII_BLANKS);
}

/**
 * Decodes a byte string rune by rune as Go does (each undecodable byte is
 * its own U+FFFD), giving an ordinary JS string.
 */
export function goDecode(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return decodeRuns(s, () => '\ufffd');
}

/**
 * Decodes a byte string rune by rune as Go does, each byte that is no UTF-8
 * written as `bad` gives it; the valid runs between such bytes are decoded
 * whole (no string built a character at a time).
 */
function decodeRuns(s: string, bad: (byte: number) => string): string {
  const parts: string[] = [];
  const n = s.length;
  let run = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      i++;
      continue;
    }
    const r = decodeRune(s, i);
    if (r === 0xfffd && runeWidth === 1) {
      if (i > run) parts.push(Buffer.from(s.slice(run, i), 'latin1').toString('utf8'));
      parts.push(bad(c));
      run = ++i;
    } else i += runeWidth;
  }
  if (run < n) parts.push(Buffer.from(run === 0 ? s : s.slice(run), 'latin1').toString('utf8'));
  return parts.join('');
}

/**
 * Decodes a byte string as UTF-8 as Go reads it, each byte that is no UTF-8
 * kept as a kept byte (U+DC00 + the byte).
 */
export function keepBytes(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  const fast = Buffer.from(s, 'latin1').toString('utf8');
  if (!fast.includes('\ufffd')) return fast;
  return decodeRuns(s, (b) => String.fromCharCode(0xdc00 + b));
}
