// Kept bytes ("surrogate escape"). Where upstream keeps a Dockerfile's bytes
// that are no UTF-8 as bytes in its Go strings, our JS strings hold each such
// byte 0xNN as the lone low surrogate U+DC00+0xNN (0x80 <= NN <= 0xff),
// which no valid UTF-8 decodes to; a valid U+FFFD stays U+FFFD. Each output
// does with them what Go does with the bytes: the LLB marshal refuses them
// (Go's protobuf UTF-8 check), strconv.Quote writes \xNN, encoding/json
// writes \ufffd, the shell lexer (Go's rune scanner) reads U+FFFD, a file's
// data gets the byte back.

import { decodeUTF8With } from './strings.ts';

/** A kept byte: a lone surrogate U+DC80..U+DCFF (not the low half of a pair). */
export const KEPT_BYTE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const KEPT_BYTES = /(?<![\ud800-\udbff])[\udc80-\udcff]/g;

/** Whether a string holds kept bytes. */
export function hasKeptBytes(s: string): boolean {
  return KEPT_BYTE.test(s);
}

/** Bytes as a string that keeps those that are no UTF-8 as kept bytes (Go's string(b)). */
export function keptBytesString(b: Uint8Array): string {
  return decodeUTF8With(b, (byte) => String.fromCharCode(0xdc00 + byte));
}

/** Each kept byte as U+FFFD, as Go's rune decoders (range, text/scanner) read such a byte. */
export function keptBytesAsRuneError(s: string): string {
  return KEPT_BYTE.test(s) ? s.replace(KEPT_BYTES, '\ufffd') : s;
}

/** A string holding kept bytes as a byte string: UTF-8 with each kept byte as its byte. */
export function keptBytesBack(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(KEPT_BYTES)) {
    out += Buffer.from(s.slice(last, m.index), 'utf8').toString('latin1') + String.fromCharCode(m[0].charCodeAt(0) - 0xdc00);
    last = m.index + 1;
  }
  return out + Buffer.from(s.slice(last), 'utf8').toString('latin1');
}

/** UTF-8 bytes of a string, each kept byte written as its byte (Go's []byte(s)). */
export function bytesOf(s: string): Uint8Array {
  if (!KEPT_BYTE.test(s)) return new TextEncoder().encode(s);
  return Buffer.from(keptBytesBack(s), 'latin1');
}
