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

/** Edit distance of two code point sequences, two rows of the table at a time. */
function distance(s: readonly number[], t: readonly number[]): number {
  const n = t.length;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    const si = s[i - 1];
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (si === t[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}

/** Levenshtein distance over code points, unit costs (agext/levenshtein defaults). */
export function levenshtein(a: string, b: string): number {
  return distance(codePoints(a), codePoints(b));
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
    const d = distance(needlePoints, codePoints(candidate));
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
