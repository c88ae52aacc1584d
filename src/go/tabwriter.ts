// Go's text/tabwriter, as upstream's subrequest printers configure it:
// minwidth 0, tabwidth 0, a padding, ' ' as the pad character, no flags.
// Text is a sequence of lines; each '\t' ends a cell. A column is aligned
// over the run of consecutive lines that have a tab-terminated cell in it;
// the text after the last tab of a line is not aligned. A line with no tab
// flushes everything before it.

interface Cell {
  text: string;
  /** Width in runes (code points). */
  width: number;
}

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];

  constructor(private readonly padding: number) {}

  write(s: string): void {
    for (const ch of s) {
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const ncells = this.terminateCell();
        if (ch === '\n' || ch === '\f') {
          this.lines.push([]);
          if (ch === '\f' || ncells === 1) this.flushLines();
        }
      } else {
        this.cellText += ch;
      }
    }
  }

  /** Flushes and returns everything written so far. */
  flush(): string {
    if (this.cellText.length > 0) this.terminateCell();
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cellText, width: [...this.cellText].length });
    this.cellText = '';
    return line.length;
  }

  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue;
      this.writeLines(line0, cur);
      line0 = cur;
      let width = 0;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column].width + this.padding);
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += ' '.repeat(this.widths[j] - c.width);
      });
      // The last (incomplete) line is written by flush with the pending cell text.
      if (i + 1 !== this.lines.length) this.out += '\n';
    }
  }
}
