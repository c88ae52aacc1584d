// Hostile patterns must not blow up: pattern matching is a Pike VM, not a
// backtracking RegExp. Expected results are upstream's (BuildKit v0.32.2
// shell.Lex, via test/shell/oracle), given as the length of the all-`a`
// result (or 'x' where the whole value was replaced).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { envsFromSlice, ShellLex } from '../../src/dockerfile/shell/index.ts';

const VALUE = 'a'.repeat(50_000);
// Generous on purpose (the machine may be busy): a backtracking matcher takes
// minutes or more on these inputs, a linear one a few milliseconds.
const LIMIT_MS = 2_000;
const OPS = ['#', '##', '%', '%%', '/', '//'] as const;

// Per pattern, upstream's result for #, ##, %, %%, /, // in that order:
// a number is the length of a run of `a`, 'x' the string "x".
const HOSTILE: [pattern: string, results: (number | 'x')[]][] = [
  ['*a*a*a*a*b', [50_000, 50_000, 50_000, 50_000, 50_000, 50_000]],
  ['*a*a*a*a*a', [49_995, 0, 49_995, 0, 'x', 'x']],
  ['?*?*?*?*b', [50_000, 50_000, 50_000, 50_000, 50_000, 50_000]],
  ['a*a*a*a*', [49_996, 0, 49_996, 0, 'x', 'x']],
  ['*b*', [50_000, 50_000, 50_000, 50_000, 50_000, 50_000]],
  ['*'.repeat(200) + 'b', [50_000, 50_000, 50_000, 50_000, 50_000, 50_000]],
];

function wordFor(op: string): string {
  return op.startsWith('/') ? '${V' + op + '$P/x}' : '${V' + op + '$P}';
}

function timed(run: () => string): { result: string; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

test('hostile patterns against 50 KB values finish in milliseconds with upstream results', () => {
  const lex = new ShellLex('\\');
  let cases = 0;
  for (const [pattern, results] of HOSTILE) {
    const env = envsFromSlice(['V=' + VALUE, 'P=' + pattern]);
    OPS.forEach((op, i) => {
      const { result, ms } = timed(() => lex.processWord(wordFor(op), env));
      const want = results[i];
      assert.equal(result, want === 'x' ? 'x' : 'a'.repeat(want), `${op}${pattern}`);
      assert.ok(ms < LIMIT_MS, `${op}${pattern} took ${ms.toFixed(1)} ms`);
      cases++;
    });
  }
  assert.equal(cases, 36);
});

test('long literal patterns and many short matches stay fast', () => {
  const lex = new ShellLex('\\');
  const lines = envsFromSlice(['V=' + 'ab\n'.repeat(20_000), 'P=a*b']);
  let run = timed(() => lex.processWord('${V//$P/x}', lines));
  assert.equal(run.result, 'x\n'.repeat(20_000));
  assert.ok(run.ms < LIMIT_MS, `${run.ms} ms`);

  const long = envsFromSlice(['V=' + VALUE, 'P=' + VALUE + 'b', 'Q=' + 'a'.repeat(25_000) + 'b']);
  run = timed(() => lex.processWord('${V#$P}', long));
  assert.equal(run.result, VALUE);
  assert.ok(run.ms < LIMIT_MS, `${run.ms} ms`);
  run = timed(() => lex.processWord('${V/$Q/x}', long));
  assert.equal(run.result, VALUE);
  assert.ok(run.ms < LIMIT_MS, `${run.ms} ms`);
});
