// Word splitting for ProcessWords. The text of the word being built lives in
// a buffer shared by every nesting level of one expansion, exactly as
// upstream's does: starting a nested ${...} operand resets it, which drops
// what the enclosing level had collected for its current word. ProcessWords
// results depend on this (e.g. `ab${X:-c}` splits to ["c"]), so it is kept.

import { isSpace } from './chars.ts';

export interface WordBuffer {
  text: string;
}

export class WordSplitter {
  private readonly buf: WordBuffer;
  private readonly words: string[] = [];
  private inWord = false;

  constructor(buf: WordBuffer) {
    this.buf = buf;
  }

  /** An unquoted character: white space ends the current word. */
  addChar(ch: number): void {
    if (isSpace(ch)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.words.push(this.buf.text);
        this.buf.text = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  /** A character that never splits (escaped or quoted). */
  addRawChar(ch: number): void {
    this.buf.text += String.fromCodePoint(ch);
    this.inWord = true;
  }

  /** Expanded variable text: split on white space. */
  addString(s: string): void {
    let i = 0;
    while (i < s.length) {
      const cp = s.codePointAt(i) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      if (isSpace(cp)) {
        this.addChar(cp);
        i += width;
        continue;
      }
      // Append a whole run of non-space text at once.
      let j = i + width;
      while (j < s.length) {
        const next = s.codePointAt(j) ?? 0;
        if (isSpace(next)) break;
        j += next > 0xffff ? 2 : 1;
      }
      this.buf.text += s.slice(i, j);
      this.inWord = true;
      i = j;
    }
  }

  /** Quoted text: kept whole, and marks a word as started even if empty. */
  addRawString(s: string): void {
    this.buf.text += s;
    this.inWord = true;
  }

  /** The words so far, flushing the one in progress. */
  finish(): string[] {
    if (this.buf.text.length > 0) {
      this.words.push(this.buf.text);
      this.buf.text = '';
      this.inWord = false;
    }
    return this.words;
  }
}
