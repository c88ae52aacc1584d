// Finding values in JSON text without decoding all of it: for a large
// document of which a few values are wanted as text (an image-metadata file
// holding a 10 MB image config). The text must be JSON that JSON.parse (or
// parseGoJSON) has accepted; nothing here checks the grammar.

import { wellFormed } from './strings.ts';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The index after the string whose opening quote is at s[i]. */
function stringEnd(s: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = s.indexOf('"', j);
    if (q < 0) return s.length;
    // Escaped when an odd number of backslashes precede it.
    let k = q - 1;
    while (s.charCodeAt(k) === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The index after the value starting at s[i], and how deeply it nests (0 for a scalar). */
function valueEnd(s: string, i: number): { end: number; depth: number } {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return { end: stringEnd(s, i), depth: 0 };
  if (c !== 0x7b && c !== 0x5b) {
    let j = i;
    while (j < s.length) {
      const d = s.charCodeAt(j);
      if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
      j++;
    }
    return { end: j, depth: 0 };
  }
  let depth = 0;
  let max = 0;
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === QUOTE) {
      j = stringEnd(s, j);
      continue;
    }
    if (d === 0x7b || d === 0x5b) {
      if (++depth > max) max = depth;
    } else if (d === 0x7d || d === 0x5d) {
      if (--depth === 0) return { end: j + 1, depth: max };
    }
    j++;
  }
  return { end: s.length, depth: max };
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

/** The members of the object whose `{` is at s[i], in order (duplicate keys kept). */
export function objectMembers(s: string, i: number): MemberSpan[] {
  const out: MemberSpan[] = [];
  i = skipSpace(s, i + 1);
  if (s.charCodeAt(i) === 0x7d) return out;
  for (;;) {
    const keyEnd = stringEnd(s, i);
    const key = decodeString(s.slice(i + 1, keyEnd - 1));
    const start = skipSpace(s, skipSpace(s, keyEnd) + 1);
    const { end, depth } = valueEnd(s, start);
    out.push({ key, start, end, depth });
    i = skipSpace(s, end);
    if (s.charCodeAt(i) !== 0x2c) return out;
    i = skipSpace(s, i + 1);
  }
}

/**
 * A JSON string token, then a key (a string a colon follows), or a run of
 * space: what compactJSON rewrites. The regular expression runs in native
 * code, where a loop over the characters runs interpreted in a fresh process
 * (~1 ms for a small image config, cold).
 */
const COMPACT = /("[^"\\]*(?:\\[\s\S][^"\\]*)*")(?=[ \t\n\r]*:)|"[^"\\]*(?:\\[\s\S][^"\\]*)*"|[ \t\n\r]+/g;

/**
 * The text of s[start, end) as rawJSONText(parseGoJSON(...)) writes it: no
 * space between tokens, object keys as JSON.stringify writes them (decoded),
 * strings, numbers and literals as written.
 */
export function compactJSON(s: string, start: number, end: number): string {
  return s.slice(start, end).replace(COMPACT, (m: string, key: string | undefined) => {
    if (key !== undefined) return JSON.stringify(decodeString(key.slice(1, -1)));
    return m.charCodeAt(0) === QUOTE ? m : '';
  });
}
