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
  const word = new WordText(rest);

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
        if (blankOK || word.length > 0) words.push(word.take());
        else word.take();
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
        word.put(pos, ch, w);
        pos += w;
        ch = decodeRune(rest, pos);
        w = runeWidth;
      }
      word.put(pos, ch, w);
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
      word.put(pos, ch, w);
      pos += w;
      ch = decodeRune(rest, pos);
      w = runeWidth;
    }
    if (closing) quote = 0;
    word.put(pos, ch, w);
    pos += w;
  }
  if (inWord && (blankOK || word.length > 0)) words.push(word.take());
  return words;
}

/**
 * A word being built from `rest`: the text so far, then a run of `rest` not
 * yet added to it (runs are added whole, not a rune at a time).
 */
class WordText {
  private text = '';
  private runStart = 0;
  private runEnd = 0;
  constructor(private readonly rest: string) {}

  get length(): number {
    return this.text.length + this.runEnd - this.runStart;
  }

  /** Appends the rune at `pos` (width `w`), as Go's WriteRune would: an undecodable byte as U+FFFD. */
  put(pos: number, r: number, w: number): void {
    if (r === 0xfffd && w === 1) {
      this.flush();
      this.text += REPLACEMENT_BYTES;
    } else if (this.runEnd > this.runStart && this.runEnd === pos) this.runEnd = pos + w;
    else {
      this.flush();
      this.runStart = pos;
      this.runEnd = pos + w;
    }
  }

  /** The word, and an empty one started. */
  take(): string {
    this.flush();
    const out = this.text;
    this.text = '';
    return out;
  }

  private flush(): void {
    if (this.runEnd > this.runStart) this.text += this.rest.slice(this.runStart, this.runEnd);
    this.runStart = this.runEnd = 0;
  }
}
