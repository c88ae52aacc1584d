// Quote-aware word splitting for ENV, LABEL and ARG (upstream's parseWords).
// Quotes and escapes stay in the words; the expander removes them later.
// Works on runes of a byte string: an undecodable byte becomes U+FFFD.

import { decodeRune, REPLACEMENT_BYTES, runeWidth } from './bytes.ts';
import { isGoSpace } from '../../go/strings.ts';

const SINGLE = 0x27;
const DOUBLE = 0x22;

export function parseWords(rest: string, escapeToken: number): string[] {
  const words: string[] = [];
  const n = rest.length;
  let inWord = false;
  let quote = 0; // 0 when not inside quotes
  let blankOK = false;
  let word = '';

  // Appends the rune at `pos` (width `w`) to the word, as Go's WriteRune would.
  const put = (pos: number, r: number, w: number): void => {
    word += r === 0xfffd && w === 1 ? REPLACEMENT_BYTES : rest.slice(pos, pos + w);
  };

  let pos = 0;
  while (pos < n) {
    let ch = decodeRune(rest, pos);
    let w = runeWidth;
    if (!inWord) {
      if (isGoSpace(ch)) {
        pos += w;
        continue;
      }
      inWord = true;
    }
    if (quote === 0) {
      if (isGoSpace(ch)) {
        if (blankOK || word.length > 0) words.push(word);
        word = '';
        blankOK = false;
        inWord = false;
        pos += w;
        continue;
      }
      if (ch === SINGLE || ch === DOUBLE) {
        quote = ch;
        blankOK = true;
      }
      if (ch === escapeToken) {
        // An escape token at the very end is dropped.
        if (pos + w === n) {
          pos += w;
          continue;
        }
        // Unquoted, the escape token and the next rune are both kept.
        put(pos, ch, w);
        pos += w;
        ch = decodeRune(rest, pos);
        w = runeWidth;
      }
      put(pos, ch, w);
      pos += w;
      continue;
    }
    // Inside quotes.
    const closing = ch === quote;
    if (ch === escapeToken && quote !== SINGLE) {
      if (pos + w === n) {
        quote = 0;
        pos += w;
        continue;
      }
      put(pos, ch, w);
      pos += w;
      ch = decodeRune(rest, pos);
      w = runeWidth;
    }
    if (closing) quote = 0;
    put(pos, ch, w);
    pos += w;
  }
  if (inWord && (blankOK || word.length > 0)) words.push(word);
  return words;
}
