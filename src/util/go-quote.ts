// Go's strconv.Quote (what fmt's %q prints for a string). Upstream quotes user
// text this way in error messages, the AST dump and image history, so every
// layer of the project (parser, shell, instructions, converter, registry)
// shares this one implementation.

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the
// ASCII space; every other space and control character is escaped.
const PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The escape Go writes for code point `cp`, or null when it is kept as is. */
export function escapeRune(cp: number): string | null {
  if (cp === 0x22 || cp === 0x5c) return '\\' + String.fromCharCode(cp);
  if (cp < 0x20 || cp === 0x7f) {
    switch (cp) {
      case 0x07: return '\\a';
      case 0x08: return '\\b';
      case 0x0c: return '\\f';
      case 0x0a: return '\\n';
      case 0x0d: return '\\r';
      case 0x09: return '\\t';
      case 0x0b: return '\\v';
      default: return '\\x' + hex(cp, 2);
    }
  }
  if (cp < 0x80 || PRINTABLE.test(String.fromCodePoint(cp))) return null;
  return cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
}

/** Go's strconv.Quote of a JS string; runs that need no escape are copied whole. */
export function goQuote(s: string): string {
  let out = '"';
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    let cp = s.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    // A lone surrogate has no UTF-8 form; Go would hold U+FFFD there.
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    const esc = cp === 0xfffd && s.charCodeAt(i) !== 0xfffd ? '\ufffd' : escapeRune(cp);
    if (esc !== null) {
      out += s.slice(runStart, i) + esc;
      runStart = i + w;
    }
    i += w;
  }
  return out + s.slice(runStart) + '"';
}
