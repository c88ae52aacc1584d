// Upstream's own parser vectors (BuildKit v0.32.2 testfiles), read from the
// shared conformance directory.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockerfileError } from '../../src/dockerfile/errors.ts';
import { dump, parse } from '../../src/dockerfile/parser/index.ts';
import { conformanceCases } from './fuzz-inputs.ts';
import { ourOutcome, outcomeHash } from './outcome.ts';

const ROOT = resolve('..', 'shared', 'conformance', 'buildkit-v0.32.2', 'parser');

function cases(dir: string): string[] {
  const p = join(ROOT, dir);
  // Fail loudly: a missing vector directory must never look like a pass.
  assert.ok(existsSync(p), `conformance vectors missing: ${p}`);
  return readdirSync(p).sort();
}

test('the conformance directory has all upstream cases', () => {
  assert.equal(cases('testfiles').length, 33);
  assert.equal(cases('testfiles-negative').length, 4);
});

for (const name of cases('testfiles')) {
  test(`testfiles/${name} dumps as upstream's result`, () => {
    const dir = join(ROOT, 'testfiles', name);
    const result = parse(readFileSync(join(dir, 'Dockerfile')));
    assert.equal(dump(result) + '\n', readFileSync(join(dir, 'result'), 'utf8'));
  });
}

for (const name of cases('testfiles-negative')) {
  test(`testfiles-negative/${name} fails with a DockerfileError`, () => {
    const src = readFileSync(join(ROOT, 'testfiles-negative', name, 'Dockerfile'));
    assert.throws(() => parse(src), DockerfileError);
  });
}

test('testfile-line: root and instruction line ranges (upstream TestParseIncludesLineNumbers)', () => {
  const result = parse(readFileSync(join(ROOT, 'testfile-line', 'Dockerfile')));
  assert.equal(result.startLine, 5);
  assert.equal(result.endLine, 31);
  assert.deepEqual(
    result.children.map((c) => [c.startLine, c.endLine]),
    [
      [5, 5],
      [11, 12],
      [17, 31],
    ],
  );
});

test('every conformance Dockerfile gives upstream\'s whole outcome (line ranges of every node, heredocs, comments, warnings, errors)', () => {
  const rows = readFileSync(new URL('./testdata/conformance-upstream.txt', import.meta.url), 'utf8')
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('#'));
  const expected = new Map(rows.map((r) => r.split(' ') as [string, string]));
  const all = conformanceCases();
  assert.equal(all.length, 38);
  assert.equal(expected.size, all.length);
  for (const c of all) assert.equal(outcomeHash(ourOutcome(c.text)), expected.get(c.name), c.name);
});
