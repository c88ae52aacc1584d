// Go's strings functions whose JavaScript look-alikes differ.

/**
 * Go's unicode.IsSpace of a code point: Unicode White_Space, which Go's
 * strings.TrimSpace removes (unlike JavaScript's trim it includes U+0085 and
 * excludes the BOM, U+FEFF). All of it is in the BMP, so testing UTF-16 units
 * is testing characters.
 */
export function isGoSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Go's strings.TrimSpace (one scan from each end; called for every instruction's text). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Go's strings.ToLower: JavaScript's toLowerCase but for its two special
 * cases, which Go's one-rune mappings do not have: U+0130 (İ) becomes a
 * plain `i` (not `i` and a combining dot), and Σ is σ wherever it stands
 * (not ς at the end of a word). A byte that is no UTF-8 becomes U+FFFD.
 */
export function goToLower(s: string): string {
  return wellFormed(s).replace(/[\u0130\u03a3]/g, (c) => (c === '\u0130' ? 'i' : '\u03c3')).toLowerCase();
}

/**
 * strings.ToUpper as far as bytes that are no UTF-8 go (each becomes U+FFFD,
 * see kept-bytes.ts); the case mapping is JavaScript's toUpperCase.
 */
export function goToUpper(s: string): string {
  return wellFormed(s).toUpperCase();
}

/** Go reads a string rune by rune: a byte that is no UTF-8 (a lone surrogate here) becomes U+FFFD. */
export function wellFormed(s: string): string {
  const t = s as string & { isWellFormed(): boolean; toWellFormed(): string };
  return t.isWellFormed() ? s : t.toWellFormed();
}
