// Go's unicode.IsLetter, IsDigit and IsPrint, from Go's own tables
// (src/go/unicode-table.ts, written from the oracle). JavaScript's \p{L},
// \p{Nd} and the like follow the Unicode version of Node.js's ICU (17 in
// Node.js 20.20) while the Go that builds BuildKit v0.32.2 has Unicode 15:
// ~9,500 letters, 90 digits and ~10,600 printable code points apart.
import { DIGIT_RANGES, LETTER_RANGES, PRINT_RANGES } from './unicode-table.ts';

/** Whether cp lies in one of the sorted [lo, hi] pairs of `ranges`. */
function inRanges(ranges: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** unicode.IsLetter. */
export function goIsLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return inRanges(LETTER_RANGES, cp);
}

/** unicode.IsDigit. */
export function goIsDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return inRanges(DIGIT_RANGES, cp);
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function goIsPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return inRanges(PRINT_RANGES, cp);
}
