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
  // The word so far: `word`, then the run rest[runStart, runEnd) not yet added to it (runs are
  // added whole, not a rune at a time).
  let word = '';
  let runStart = 0;
  let runEnd = 0;
  const flush = (): void => {
    if (runEnd > runStart) word += rest.slice(runStart, runEnd);
    runStart = runEnd = 0;
  };
  const wordLength = (): number => word.length + runEnd - runStart;
  const take = (): string => {
    flush();
    const out = word;
    word = '';
    return out;
  };

  // Appends the rune at `pos` (width `w`) to the word, as Go's WriteRune would.
  const put = (pos: number, r: number, w: number): void => {
    if (r === 0xfffd && w === 1) {
      flush();
      word += REPLACEMENT_BYTES;
    } else if (runEnd > runStart && runEnd === pos) runEnd = pos + w;
    else {
      flush();
      runStart = pos;
      runEnd = pos + w;
    }
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
        if (blankOK || wordLength() > 0) words.push(take());
        else take();
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
  if (inWord && (blankOK || wordLength() > 0)) words.push(take());
  return words;
}
