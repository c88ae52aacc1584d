// Go's case mappings against ours, for every Unicode code point: upstream
// compares stage names, `AS`, --no-cache-filter names and proxy build args
// with strings.EqualFold, and lower- or upper-cases keywords, flag values and
// HEALTHCHECK's type with strings.ToLower/ToUpper. The oracle prints Go's
// ToUpper, ToLower and SimpleFold orbit of each code point that has one;
// src/go/casing-table.ts holds them (`npm run gen:casing` writes it).
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { goAvailable } from '../oracle/oracle.ts';
import { TABLE_FILE, casingTableSource, goCasing } from './casing-gen.ts';
import { goEqualFold, goFoldName, goToLower, goToUpper } from '../../src/go/strings.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const ch = (c: number): string => String.fromCodePoint(c);
const hex = (s: string): string => [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(' ');

test('src/go/casing-table.ts is what `npm run gen:casing` writes from Go\'s tables now', { skip }, () => {
  assert.equal(readFileSync(TABLE_FILE, 'utf8'), casingTableSource(goCasing()), 'run `npm run gen:casing`');
});

test('goToUpper and goToLower map every code point as Go does, alone and after an ASCII letter', { skip }, () => {
  const go = goCasing();
  assert.ok(go.size > 2000, `the oracle printed ${go.size} code points`);
  let checked = 0;
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const g = go.get(c) ?? { upper: c, lower: c, orbit: [] };
    const s = ch(c);
    assert.equal(hex(goToUpper(s)), hex(ch(g.upper)), `ToUpper(${hex(s)})`);
    assert.equal(hex(goToLower(s)), hex(ch(g.lower)), `ToLower(${hex(s)})`);
    // In a word (JavaScript lower-cases a final Σ differently).
    assert.equal(hex(goToLower('A' + s)), hex('a' + ch(g.lower)), `ToLower(A ${hex(s)})`);
    assert.equal(hex(goToUpper('a' + s)), hex('A' + ch(g.upper)), `ToUpper(a ${hex(s)})`);
    checked++;
  }
  assert.equal(checked, 0x110000 - 0x800);
});

test('goEqualFold takes exactly the runes of each code point\'s SimpleFold orbit', { skip }, () => {
  const go = goCasing();
  for (const [c, g] of go) {
    for (const o of g.orbit) {
      assert.ok(goEqualFold(ch(c), ch(o)), `EqualFold(${hex(ch(c))}, ${hex(ch(o))})`);
      assert.ok(goEqualFold(`x${ch(c)}y`, `X${ch(o)}Y`), `EqualFold in a word: ${hex(ch(c))}, ${hex(ch(o))}`);
    }
    // Neighbours outside the orbit, and the upper/lower mappings where Go's orbit lacks them.
    for (const d of [c - 1, c + 1, g.upper, g.lower]) {
      if (d < 0 || d === c || (d >= 0xd800 && d <= 0xdfff)) continue;
      assert.equal(goEqualFold(ch(c), ch(d)), g.orbit.includes(d), `EqualFold(${hex(ch(c))}, ${hex(ch(d))})`);
    }
  }
  assert.ok(goEqualFold('s0', '\u017f0'));
  assert.ok(goEqualFold('AS', 'a\u017f'));
  assert.ok(!goEqualFold('i', '\u0130'));
  assert.ok(!goEqualFold('as', 'as '));
  assert.ok(!goEqualFold('@', '`'));
  // Bytes that are no UTF-8 (lone surrogates here) are each U+FFFD, as Go decodes them.
  assert.ok(goEqualFold('\ud800', '\udc00'));
});

test('goFoldName gives every code point of an orbit the orbit\'s smallest (ASCII letters upper case), as encoding/json folds names', { skip }, () => {
  const go = goCasing();
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const orbit = go.get(c)?.orbit ?? [];
    const want = c < 0x80 ? (c >= 0x61 && c <= 0x7a ? c - 0x20 : c) : Math.min(c, ...orbit);
    assert.equal(hex(goFoldName(ch(c))), hex(ch(want)), `foldName(${hex(ch(c))})`);
  }
  assert.equal(goFoldName('Expo\u017fedPorts'), goFoldName('exposedports'));
  assert.equal(goFoldName('Wor\u212aingDir'), 'WORKINGDIR');
});
