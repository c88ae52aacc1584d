// A rune reader with the Peek/Next behaviour of Go's text/scanner, which
// upstream's lexer and pattern converter both read their input through.
// Working on code points (not UTF-16 units) keeps every decision made on the
// same characters upstream sees.

/** End of input, as text/scanner reports it. */
export const EOF = -1;

const NOT_READ = -2;
const BOM = 0xfeff;
const REPLACEMENT = 0xfffd;

export class RuneScanner {
  private readonly src: string;
  private pos = 0;
  private ch = NOT_READ;

  constructor(src: string) {
    this.src = src;
  }

  /** The next code point without consuming it, or EOF. */
  peek(): number {
    if (this.ch === NOT_READ) {
      this.ch = this.read();
      // text/scanner drops a byte order mark, but only as the very first rune.
      if (this.ch === BOM) this.ch = this.read();
    }
    return this.ch;
  }

  /** Consumes and returns the next code point, or EOF. */
  next(): number {
    const ch = this.peek();
    if (ch !== EOF) this.ch = this.read();
    return ch;
  }

  /**
   * Consumes the peeked code point and the code points after it while they
   * are single UTF-16 units (not surrogates) for which `plain` holds, and
   * returns them as one string. The peeked one must satisfy `plain`; returns
   * '' (consuming nothing) when it is not such a unit. The lexer uses this to
   * copy runs of ordinary characters at once instead of one at a time.
   */
  takeRun(plain: (unit: number) => boolean): string {
    const ch = this.peek();
    const src = this.src;
    const start = this.pos - 1;
    // (A lone surrogate is peeked as U+FFFD: not the unit in the source.)
    if (ch < 0 || ch > 0xffff || src.charCodeAt(start) !== ch || !plain(ch)) return '';
    let end = this.pos;
    while (end < src.length) {
      const unit = src.charCodeAt(end);
      if ((unit >= 0xd800 && unit <= 0xdfff) || !plain(unit)) break;
      end++;
    }
    this.pos = end;
    this.ch = this.read();
    return src.slice(start, end);
  }

  private read(): number {
    const src = this.src;
    if (this.pos >= src.length) return EOF;
    const unit = src.charCodeAt(this.pos++);
    if (unit < 0xd800 || unit > 0xdfff) return unit;
    if (unit <= 0xdbff && this.pos < src.length) {
      const low = src.charCodeAt(this.pos);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.pos++;
        return (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      }
    }
    // A lone surrogate cannot be UTF-8 encoded; Go would see a bad rune.
    return REPLACEMENT;
  }
}

/** Go's string(rune): invalid runes (EOF included) become U+FFFD. */
export function runeString(ch: number): string {
  if (ch < 0 || ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(ch);
}
