// Go's sort.Slice against ours (goSortSlice), which must leave ties where Go
// leaves them: upstream prints lint warnings in sort.Slice's order, and
// warnings on the same line tie. Arrays of many lengths and shapes (random
// keys with many ties, sorted, reversed, equal, sawtooth, nearly sorted,
// organ pipe), sorted by the oracle's `go-sort` and by ours.
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { goSortSlice } from '../../src/go/sort.ts';
import { prng } from '../parser/fuzz-inputs.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

function cases(): number[][] {
  const r = prng(20261205);
  const int = (n: number): number => Math.floor(r() * n);
  const out: number[][] = [];
  const lengths = [0, 1, 2, 11, 12, 13, 14, 20, 49, 50, 51, 64, 100, 257, 1000];
  for (let k = 0; k < 200; k++) lengths.push(1 + int(400));
  for (const n of lengths) {
    const ties = 1 + int(Math.max(1, n / 3));
    out.push(Array.from({ length: n }, () => int(ties)));
    out.push(Array.from({ length: n }, (_, i) => Math.floor(i / (1 + int(4)))));
    out.push(Array.from({ length: n }, (_, i) => n - Math.floor(i / 2)));
    out.push(Array.from({ length: n }, () => 7));
    out.push(Array.from({ length: n }, (_, i) => i % (2 + int(10))));
    out.push(Array.from({ length: n }, (_, i) => (r() < 0.05 ? int(n) : i)));
    out.push(Array.from({ length: n }, (_, i) => Math.min(i, n - i)));
  }
  return out;
}

test('goSortSlice leaves every element, ties included, where Go\'s sort.Slice does', { skip }, () => {
  const all = cases();
  const answers = runOracleLines('go-sort', all);
  let withTies = 0;
  for (let c = 0; c < all.length; c++) {
    const keys = all[c]!;
    const ours = goSortSlice(keys.map((_, i) => i), (a, b) => keys[a]! < keys[b]!);
    assert.deepEqual(ours, JSON.parse(answers[c]!) as number[], `case ${c}: ${keys.length} keys ${JSON.stringify(keys.slice(0, 40))}`);
    const stable = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
    if (stable.some((v, i) => v !== ours[i])) withTies++;
  }
  // The cases must include some where a stable sort answers otherwise.
  assert.ok(withTies > 100, `${withTies} cases where Go's order is not a stable sort's`);
});
