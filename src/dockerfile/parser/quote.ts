// Go's strconv.Quote (also what `%q` prints for a string), used by the AST
// dump and in error messages that quote user text.

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
// ASCII space; every other space and control character is escaped.
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

export function goQuote(s: string): string {
  let out = '"';
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    let esc: string | null = null;
    if (cp === 0x22 || cp === 0x5c) esc = '\\' + String.fromCharCode(cp);
    else if (cp < 0x20 || cp === 0x7f) {
      switch (cp) {
        case 0x07: esc = '\\a'; break;
        case 0x08: esc = '\\b'; break;
        case 0x0c: esc = '\\f'; break;
        case 0x0a: esc = '\\n'; break;
        case 0x0d: esc = '\\r'; break;
        case 0x09: esc = '\\t'; break;
        case 0x0b: esc = '\\v'; break;
        default: esc = '\\x' + hex(cp, 2);
      }
    } else if (cp >= 0x80 && !PRINTABLE.test(String.fromCodePoint(cp))) {
      esc = cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
    }
    if (esc !== null) {
      out += s.slice(runStart, i) + esc;
      runStart = i + w;
    }
    i += w;
  }
  return out + s.slice(runStart) + '"';
}
