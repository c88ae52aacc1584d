// Go's %q for strings (strconv.Quote), used where upstream formats a word
// into an error message, so our messages read byte-for-byte the same.

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols, ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x0c, '\\f'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x0b, '\\v'],
]);

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function quoteRune(cp: number): string {
  if (cp === 0x22) return '\\"';
  if (cp === 0x5c) return '\\\\';
  if (cp < 0x80) {
    if (cp >= 0x20 && cp < 0x7f) return String.fromCharCode(cp);
  } else if (PRINTABLE.test(String.fromCodePoint(cp))) {
    return String.fromCodePoint(cp);
  }
  const short = SHORT_ESCAPES.get(cp);
  if (short !== undefined) return short;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** Formats `s` the way Go's fmt %q does. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0xfffd;
    // A lone surrogate has no UTF-8 form; Go would hold U+FFFD there.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    out += quoteRune(cp);
  }
  return out + '"';
}
