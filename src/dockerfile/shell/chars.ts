// Character classes as Go's unicode package defines them. JavaScript's own
// classes differ (\s includes U+FEFF and omits U+0085), so they are spelled out.

import { goIsDigit, goIsLetter } from '../../go/unicode.ts';

/** unicode.IsSpace: Latin-1 spaces plus the White_Space property above it. */
export function isSpace(ch: number): boolean {
  if (ch <= 0xff) {
    return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d) || ch === 0x85 || ch === 0xa0;
  }
  return (
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000
  );
}

/** unicode.IsLetter (Go's tables). */
export const isLetter = goIsLetter;

/** unicode.IsDigit (Go's tables). */
export const isDigit = goIsDigit;

/** POSIX special parameters ($@, $*, $#, ...), which are never set. */
export function isSpecialParam(ch: number): boolean {
  switch (ch) {
    case 0x40: // @
    case 0x2a: // *
    case 0x23: // #
    case 0x3f: // ?
    case 0x2d: // -
    case 0x24: // $
    case 0x21: // !
    case 0x30: // 0
      return true;
  }
  return false;
}

/** The blanks allowed between `<<` and a heredoc delimiter. */
export function isHeredocBlank(ch: number): boolean {
  return ch === 0x09 || ch === 0x0d || ch === 0x20;
}
