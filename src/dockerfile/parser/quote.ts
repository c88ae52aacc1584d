// Go's strconv.Quote (also what `%q` prints for a string), used by the AST
// dump and in error messages that quote user text.

import { decodeRune, runeWidth } from './bytes.ts';

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
// ASCII space; every other space and control character is escaped.
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The escape Go writes for code point `cp`, or null when it is kept as is. */
function escapeRune(cp: number): string | null {
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
  if (cp < 0x80 || PRINTABLE.test(String.fromCodePoint(cp))) return null;
  return cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
}

/** Go's strconv.Quote of a JS string. */
export function goQuote(s: string): string {
  let out = '"';
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    const esc = escapeRune(cp);
    if (esc !== null) {
      out += s.slice(runStart, i) + esc;
      runStart = i + w;
    }
    i += w;
  }
  return out + s.slice(runStart) + '"';
}

/** Go's strconv.Quote of a byte string: undecodable bytes print as \xNN. */
export function goQuoteBytes(s: string): string {
  let out = '"';
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out += escapeRune(c) ?? s[i];
      i++;
      continue;
    }
    const cp = decodeRune(s, i);
    if (cp === 0xfffd && runeWidth === 1) {
      out += '\\x' + hex(c, 2);
      i++;
      continue;
    }
    const ch = String.fromCodePoint(cp);
    out += escapeRune(cp) ?? ch;
    i += runeWidth;
  }
  return out + '"';
}
