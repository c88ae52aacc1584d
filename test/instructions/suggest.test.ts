// The "did you mean" search skips options whose length difference alone
// is out of reach; it must pick exactly what a full search picks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levenshtein, levenshteinWithin, suggest } from '../../src/dockerfile/instructions/suggest.ts';

/** The textbook table over code points, for reference. */
function reference(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) cur.push(Math.min(prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1));
    prev = cur;
  }
  return prev[t.length];
}

/** A full search: every option measured, the first of the closest within 2 kept. */
function fullSearch(value: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const o of options) {
    if (o === value) return undefined;
    const d = reference(value, o);
    if (d < bestDistance) [best, bestDistance] = [o, d];
  }
  return best;
}

test('levenshtein and suggest agree with a full search (code points, surrogate pairs, ties)', () => {
  let seed = 7;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const alphabet = ['a', 'b', 'c', 'é', '😀', '_', 'Z'];
  const word = (): string => Array.from({ length: rand(9) }, () => alphabet[rand(alphabet.length)]).join('');
  for (let k = 0; k < 3000; k++) {
    const a = word();
    const b = word();
    assert.equal(levenshtein(a, b), reference(a, b), `${a} / ${b}`);
    const options = Array.from({ length: rand(8) }, word);
    assert.equal(suggest(a, options, true), fullSearch(a, options), `${a} in ${JSON.stringify(options)}`);
  }
});

test('the banded distance suggest uses is the full distance wherever it is within the limit (300,000 pairs, limits 0 to 3)', () => {
  let r = 20261205 >>> 0;
  const rnd = (): number => {
    r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
    return r / 2 ** 32;
  };
  const letters = ['a', 'b', 'c', 'é', '😀'];
  const word = (): string => {
    let s = '';
    const n = Math.floor(rnd() * 9);
    for (let i = 0; i < n; i++) s += letters[Math.floor(rnd() * letters.length)];
    return s;
  };
  let compared = 0;
  for (let k = 0; k < 300_000; k++) {
    const a = word();
    const b = word();
    const d = levenshtein(a, b);
    for (const limit of [0, 1, 2, 3]) {
      assert.equal(levenshteinWithin(a, b, limit), Math.min(d, limit + 1), `${a} ${b} ${limit}`);
      compared++;
    }
  }
  assert.equal(compared, 1_200_000);
});
