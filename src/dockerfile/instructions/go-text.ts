// Go's standard-library text conventions that leak into upstream's error
// messages (%q quoting, strconv errors). Kept exact because users see them.

const namedEscapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Go's strconv.Quote (what `%q` and `%#v` print for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const named = namedEscapes[ch];
    if (named !== undefined) {
      out += named;
      continue;
    }
    if (printable.test(ch)) {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return out + '"';
}

/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export function parseGoBool(s: string): boolean | undefined {
  switch (s) {
    case '1':
    case 't':
    case 'T':
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case '0':
    case 'f':
    case 'F':
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
    default:
      return undefined;
  }
}

/** Go's strconv.ParseUint(s, base, 32) for base 8 or 10; undefined on any error. */
export function parseGoUint32(s: string, base: 8 | 10): number | undefined {
  if (s === '') return undefined;
  let n = 0;
  for (const ch of s) {
    const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : -1;
    if (d < 0 || d >= base) return undefined;
    n = n * base + d;
    if (n > 0xffffffff) return undefined;
  }
  return n;
}

/**
 * Go's strconv.ParseInt(s, 10, 32). Throws with Go's message, e.g.
 * `strconv.ParseInt: parsing "x": invalid syntax`.
 */
export function parseGoInt32(s: string): number {
  const fail = (why: string): never => {
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  };
  let rest = s;
  let negative = false;
  if (rest.startsWith('+') || rest.startsWith('-')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '') fail('invalid syntax');
  let n = 0;
  for (const ch of rest) {
    if (ch < '0' || ch > '9') fail('invalid syntax');
    n = n * 10 + (ch.charCodeAt(0) - 48);
    // The unsigned parse stops at the first overflow, before later bad characters.
    if (n > 0xffffffff) fail('value out of range');
  }
  if (!negative && n >= 2 ** 31) fail('value out of range');
  if (negative && n > 2 ** 31) fail('value out of range');
  return negative ? -n : n;
}
