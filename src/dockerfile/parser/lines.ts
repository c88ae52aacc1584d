// Physical lines of a byte string, each with its line ending kept, as Go's
// bufio.Scanner with upstream's scanLines delivers them. A line longer than
// the scanner's 64 KiB buffer stops the scan (`tooLong`, ErrTooLong); asked
// once more, the scanner then hands out what its full buffer holds (the
// line's first 65,536 bytes, scanLines at EOF), and after that nothing.

/** Longest line, without its \n, that bufio.Scanner's default buffer holds. */
export const MAX_LINE_BYTES = 65535;

export class LineScanner {
  /** The current line, including its \n if it has one. */
  line = '';
  /** Offset just after the current line. */
  offset = 0;
  tooLong = false;
  /** The buffer's bytes the scanner gives after ErrTooLong, until asked for them. */
  private rest: string | undefined;

  constructor(readonly source: string) {}

  next(): boolean {
    if (this.tooLong) {
      if (this.rest === undefined) return false;
      this.line = this.rest;
      this.offset += this.rest.length;
      this.rest = undefined;
      return true;
    }
    if (this.offset >= this.source.length) return false;
    const nl = this.source.indexOf('\n', this.offset);
    const contentEnd = nl < 0 ? this.source.length : nl;
    if (contentEnd - this.offset > MAX_LINE_BYTES) {
      this.tooLong = true;
      this.rest = this.source.slice(this.offset, this.offset + MAX_LINE_BYTES + 1);
      return false;
    }
    const end = nl < 0 ? contentEnd : nl + 1;
    this.line = this.source.slice(this.offset, end);
    this.offset = end;
    return true;
  }
}
