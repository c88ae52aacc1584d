// The physical lines of a Dockerfile as the formatter sees them, and the
// small line-level facts the parser also uses (comments, continuations),
// restated here on byte strings so the formatter can walk the same lines the
// parser walked and know which of them it may touch.

import { skipSpaces } from '../dockerfile/parser/bytes.ts';
import { isComment, stripContinuation, trimNewline } from '../dockerfile/parser/parse.ts';

export { isComment as isCommentLine, stripContinuation } from '../dockerfile/parser/parse.ts';

export interface PhysicalLine {
  /** The line with its line ending (`\n`, or nothing on a last line without one). */
  raw: string;
  /** The line without its trailing `\r`/`\n` bytes (upstream's trimNewline). */
  text: string;
}

/** Splits a byte string into lines as the parser's line scanner does. */
export function physicalLines(src: string): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  let offset = 0;
  while (offset < src.length) {
    const nl = src.indexOf('\n', offset);
    const end = nl < 0 ? src.length : nl + 1;
    const raw = src.slice(offset, end);
    out.push({ raw, text: trimNewline(raw) });
    offset = end;
  }
  return out;
}

/** Nothing but white space (an empty continuation line, or a blank line). */
export function isBlankLine(s: string): boolean {
  return skipSpaces(s, 0) === s.length;
}

/** Space or tab: the only blanks the formatter ever removes or inserts. */
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * The line without trailing spaces, tabs and carriage returns (a stray `\r`
 * before the blanks of a CRLF line; the parser trims all three at the end
 * of an instruction and of a comment). The line stays as it is when
 * trimming would leave the escape token at its end, turning it into a
 * continuation (a `\r` left last would be read as part of the line ending).
 */
export function trimEndBlanks(s: string, escapeToken = -1): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
    end--;
  }
  if (end === s.length) return s;
  const out = s.slice(0, end);
  return escapeToken < 0 || stripContinuation(out, escapeToken) === null ? out : s;
}

/** Index of the first character that is not a space or tab. */
export function leadingBlanks(s: string): number {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

/** A line of an instruction's header: the instruction line and its continuations. */
export interface HeaderLine {
  kind: 'first' | 'comment' | 'empty' | 'continuation';
  /** 0-based index of the physical line. */
  index: number;
  /** The line's text (the first line without its indentation). */
  text: string;
  /** Where `text` starts in the physical line (the first line's indentation). */
  column: number;
  /** The text before the continuation escape; null on the header's last line (and on comments and empty lines). */
  stripped: string | null;
}

/**
 * The header lines of the instruction at lines s..e (0-based), read as the
 * parser reads them: continuation lines up to the first that does not
 * continue, comments and empty lines among them. Lines after the header are
 * heredoc bodies and terminators.
 */
export function readHeader(lines: readonly PhysicalLine[], s: number, e: number, escapeToken: number): HeaderLine[] {
  const firstText = lines[s].text;
  const column = skipSpaces(firstText, 0);
  const first = firstText.slice(column);
  const header: HeaderLine[] = [{ kind: 'first', index: s, text: first, column, stripped: stripContinuation(first, escapeToken) }];
  let h = s;
  let cont = header[0].stripped;
  while (cont !== null && h < e) {
    h++;
    const t = lines[h].text;
    if (isComment(t)) header.push({ kind: 'comment', index: h, text: t, column: 0, stripped: null });
    else if (isBlankLine(t)) header.push({ kind: 'empty', index: h, text: '', column: 0, stripped: null });
    else {
      cont = stripContinuation(t, escapeToken);
      header.push({ kind: 'continuation', index: h, text: t, column: 0, stripped: cont });
    }
  }
  return header;
}
