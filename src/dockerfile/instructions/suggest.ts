// "Did you mean" hints, as upstream's util/suggest adds them to errors.

import { goToLower, goToUpper } from '../../go/strings.ts';

/** The code points of a string (Levenshtein counts code points, not UTF-16 units). */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(c.codePointAt(0) as number);
  return out;
}

/** The number of code points of a string, without building them. */
function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The edit distance when it is at most `limit`, else limit + 1: only the
 * diagonal band |i - j| <= limit of the table is computed, and a row whose
 * every cell is past the limit ends it (a name of 20 letters against 3,000
 * declared ones of about that length took 2.4x upstream's lint with the
 * whole table). `suggest` only asks whether an option comes within 2.
 */
function distanceWithin(s: ArrayLike<number>, t: ArrayLike<number>, limit: number): number {
  const m = s.length;
  const n = t.length;
  const far = limit + 1;
  if (Math.abs(m - n) > limit) return far;
  // Two rows of the table, kept between calls (suggest measures thousands of options).
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j <= limit ? j : far;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(n, i + limit);
    cur[lo - 1] = lo === 1 && i <= limit ? i : far;
    let rowMin = cur[lo - 1]!;
    const si = s[i - 1];
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (si === t[j - 1] ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > far) v = far;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = far;
    if (rowMin > limit) return far;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[n]! > limit ? far : prev[n]!;
}

let scratch = new Int32Array(64);

/** The code points of `s` in a buffer kept between calls (valid until the next call). */
function codePointsScratch(s: string): Int32Array {
  if (scratch.length < s.length) scratch = new Int32Array(2 * s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        scratch[n++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        continue;
      }
    }
    scratch[n++] = c;
  }
  return scratch.subarray(0, n);
}

/** Levenshtein distance over code points, unit costs (agext/levenshtein defaults). */
export function levenshtein(a: string, b: string): number {
  const s = codePoints(a);
  const t = codePoints(b);
  // A band as wide as the longer one is the whole table.
  return distanceWithin(s, t, Math.max(s.length, t.length));
}

/** Go's matchCase; an original with bytes that are no UTF-8 is neither lower nor upper case there. */
function matchCase(value: string, original: string, invalidUTF8: boolean): string {
  if (invalidUTF8) return value;
  if (original === goToLower(original)) return goToLower(value);
  if (original === goToUpper(original)) return goToUpper(value);
  return value;
}

/**
 * The closest option within distance 2, or undefined. An exact match means
 * the error is not about spelling, so it also gives undefined. Upstream walks
 * Go maps here, so among equally close options its pick is arbitrary; this
 * takes the first in `options` order.
 */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean, invalidUTF8 = false): string | undefined {
  const needle = caseSensitive ? value : goToLower(value);
  const needlePoints = codePoints(needle);
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : goToLower(option);
    if (candidate === needle) return undefined;
    // The distance is at least the difference in length: such an option
    // cannot come closer than the best so far.
    if (Math.abs(codePointLength(candidate) - needlePoints.length) >= bestDistance) continue;
    const d = distanceWithin(needlePoints, codePointsScratch(candidate), bestDistance - 1);
    if (d < bestDistance) {
      best = caseSensitive ? candidate : matchCase(candidate, value, invalidUTF8);
      bestDistance = d;
    }
  }
  return best;
}

/**
 * `message` with ` (did you mean X?)` appended when a close option exists.
 * `invalidUTF8`: the value as written held bytes that are no UTF-8.
 */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean, invalidUTF8 = false): string {
  const match = suggest(value, options, caseSensitive, invalidUTF8);
  return match === undefined ? message : `${message} (did you mean ${match}?)`;
}

/** For tests: the banded distance of two strings (code points). */
export function levenshteinWithin(a: string, b: string, limit: number): number {
  return distanceWithin(codePoints(a), codePoints(b), limit);
}
