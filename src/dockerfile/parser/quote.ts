// Go's strconv.Quote of a byte string (the parser's text), used by the AST
// dump and in error messages that quote user text.

import { escapeRune } from '../../go/strconv.ts';
import { decodeRune, runeWidth } from './bytes.ts';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
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
