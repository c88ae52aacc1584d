// "Did you mean" hints, as upstream's util/suggest adds them to errors.

/** Levenshtein distance over code points, unit costs (agext/levenshtein defaults). */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const sub = prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j] + 1, cur[j - 1] + 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

/** Go's matchCase; an original with bytes that are no UTF-8 is neither lower nor upper case there. */
function matchCase(value: string, original: string, invalidUTF8: boolean): string {
  if (invalidUTF8) return value;
  if (original === original.toLowerCase()) return value.toLowerCase();
  if (original === original.toUpperCase()) return value.toUpperCase();
  return value;
}

/**
 * The closest option within distance 2, or undefined. An exact match means
 * the error is not about spelling, so it also gives undefined. Upstream walks
 * Go maps here, so among equally close options its pick is arbitrary; this
 * takes the first in `options` order.
 */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean, invalidUTF8 = false): string | undefined {
  const needle = caseSensitive ? value : value.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return undefined;
    const d = levenshtein(needle, candidate);
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
