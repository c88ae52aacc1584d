// The physical lines of a Dockerfile as the formatter sees them, and the
// small line-level facts the parser also uses (comments, continuations),
// restated here on byte strings so the formatter can walk the same lines the
// parser walked and know which of them it may touch.

import { skipSpaces } from '../dockerfile/parser/bytes.ts';
import { stripContinuation, trimNewline } from '../dockerfile/parser/parse.ts';

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
