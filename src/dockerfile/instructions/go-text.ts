// Go's standard-library text conventions that leak into upstream's error
// messages (%q quoting, strconv errors). Kept exact because users see them.

import { goQuote } from '../../util/go-quote.ts';

export { goQuote };

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
