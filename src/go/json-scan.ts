// Finding values in JSON text without decoding all of it: for a large
// document of which a few values are wanted as text (an image-metadata file
// holding a 10 MB image config). The text must be JSON that JSON.parse (or
// parseGoJSON) has accepted; nothing here checks the grammar.
//
// The scans run on a masked copy of the text (maskEscapes): each escape in a
// string, a backslash and the character after it, becomes two NULs, which
// valid JSON text never holds. Positions are the same in both, and in the
// mask a string is a quote, characters that are no quote, and a quote: the
// regular expressions below find strings, brackets and space in native code
// (a loop over the characters runs interpreted in a fresh process), and none
// repeats a group once a character or an escape, so none can overflow its
// backtracking stack however long a string or how many escapes it has.

import { wellFormed } from './strings.ts';

const QUOTE = 0x22;

/** The text with each escape as two NULs (the text itself when it has none). */
export function maskEscapes(s: string): string {
  return s.includes('\\') ? s.replace(/\\[\s\S]/g, '\0\0') : s;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The index after the string whose opening quote is at m[i] (m masked). */
function stringEnd(m: string, i: number): number {
  const q = m.indexOf('"', i + 1);
  return q < 0 ? m.length : q + 1;
}

/**
 * Characters other than brackets, and whole strings, in masked text: at most
 * 64 strings a match, as the backtracking stack of a repetition without
 * bound grows with each (~2.5 million strings overflow it).
 */
const SKIP = /[^"[\]{}]*(?:"[^"]*"[^"[\]{}]*){0,64}/y;

/** The index after the value starting at m[i] (m masked), and how deeply it nests (0 for a scalar). */
function valueEnd(m: string, i: number): { end: number; depth: number } {
  const c = m.charCodeAt(i);
  if (c === QUOTE) return { end: stringEnd(m, i), depth: 0 };
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < m.length) {
      const d = m.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
      j++;
    }
    return { end: j, depth: 0 };
  }
  let depth = 1;
  let max = 1;
  for (let j = i + 1; ; ) {
    const from = j;
    SKIP.lastIndex = j;
    SKIP.test(m);
    j = SKIP.lastIndex;
    if (j >= m.length) break;
    const d = m.charCodeAt(j);
    if (d === QUOTE) {
      // SKIP's bound, or a string with no end (not JSON: nothing to find).
      if (j === from) break;
      continue;
    }
    if (d === 0x7b || d === 0x5b) {
      if (++depth > max) max = depth;
    } else if (--depth === 0) {
      return { end: j + 1, depth: max };
    }
    j++;
  }
  return { end: m.length, depth: max };
}

/** A string's body (between the quotes) decoded as parseGoJSON decodes it. */
function decodeString(body: string): string {
  if (!body.includes('\\')) return body;
  // Go replaces a lone surrogate (from an escape) with U+FFFD.
  return wellFormed(JSON.parse('"' + body + '"') as string);
}

/** One member of an object: its decoded key and where its value is. */
export interface MemberSpan {
  key: string;
  start: number;
  end: number;
  /** How deeply the value nests (0 for a scalar). */
  depth: number;
}

/**
 * The members of the object whose `{` is at s[i], in order (duplicate keys
 * kept). `m` is maskEscapes(s), for a caller that scans the text more than once.
 */
export function objectMembers(s: string, i: number, m: string = maskEscapes(s)): MemberSpan[] {
  const out: MemberSpan[] = [];
  i = skipSpace(m, i + 1);
  if (m.charCodeAt(i) === 0x7d) return out;
  for (;;) {
    const keyEnd = stringEnd(m, i);
    const key = decodeString(s.slice(i + 1, keyEnd - 1));
    const start = skipSpace(m, skipSpace(m, keyEnd) + 1);
    const { end, depth } = valueEnd(m, start);
    out.push({ key, start, end, depth });
    i = skipSpace(m, end);
    if (m.charCodeAt(i) !== 0x2c) return out;
    i = skipSpace(m, i + 1);
  }
}

/** In masked text: a string token (kept as $1), or a run of space. */
const STRING_OR_SPACE = /("[^"]*")|[ \t\n\r]+/g;

/** In masked text: a key (a string a colon follows: $1), another string, or a run of space. */
const KEY_STRING_OR_SPACE = /("[^"]*")(?=[ \t\n\r]*:)|"[^"]*"|[ \t\n\r]+/g;

/** In masked text: a key with an escape, which compactJSON must write again. */
const ESCAPED_KEY = /"[^"\0]*\0[^"]*"[ \t\n\r]*:/;

/**
 * The text of s[start, end) as rawJSONText(parseGoJSON(...)) writes it: no
 * space between tokens, object keys as JSON.stringify writes them (decoded),
 * strings, numbers and literals as written. `m` is maskEscapes(s).
 */
export function compactJSON(s: string, start: number, end: number, m: string = maskEscapes(s)): string {
  const text = s.slice(start, end);
  const mask = m === s ? text : m.slice(start, end);
  if (!ESCAPED_KEY.test(mask)) {
    // Space dropped by the replacement pattern alone, with no call back into
    // JavaScript for each string; then the escapes put back, in order (none
    // to put back when nothing was dropped: the text was compact already).
    const compact = mask.replace(STRING_OR_SPACE, '$1');
    if (compact.length === mask.length) return text;
    if (mask === text) return compact;
    const escapes = text.match(/\\[\s\S]/g)!;
    const parts = compact.split('\0\0');
    const out: string[] = [parts[0]!];
    for (let k = 1; k < parts.length; k++) out.push(escapes[k - 1]!, parts[k]!);
    return out.join('');
  }
  return mask.replace(KEY_STRING_OR_SPACE, (t: string, key: string | undefined, at: number) => {
    if (key !== undefined) return JSON.stringify(decodeString(text.slice(at + 1, at + t.length - 1)));
    return t.charCodeAt(0) === QUOTE ? text.slice(at, at + t.length) : '';
  });
}
