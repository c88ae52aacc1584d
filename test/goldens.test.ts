// Golden files produced by running upstream's Go code must stay current: this
// regenerates each one from upstream and compares it with the committed copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(cmd: string): string {
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', maxBuffer: 256 << 20 });
  assert.equal(r.status, 0, `${cmd}\n${r.stderr}`);
  return r.stdout;
}

test('registry vectors equal what upstream regenerates', { timeout: 600_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'registry-vectors-'));
  try {
    run(`bash test/registry/upstream-gen/run.sh ${out}`);
    const names = readdirSync('test/registry/testdata').sort();
    assert.deepEqual(readdirSync(out).sort(), names);
    for (const name of names) {
      assert.ok(
        readFileSync(join(out, name)).equals(readFileSync(join('test/registry/testdata', name))),
        `test/registry/testdata/${name} is stale: run test/registry/upstream-gen/run.sh`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('shell oracle cases equal what upstream regenerates', { timeout: 600_000 }, () => {
  const fresh = run(
    'node --import ./test/register.mjs test/shell/oracle/gen-cases.ts | (cd test/shell/oracle && go run .)',
  );
  assert.ok(
    fresh === readFileSync('test/shell/testdata/oracle-cases.jsonl', 'utf8'),
    'test/shell/testdata/oracle-cases.jsonl is stale: regenerate it (see test/shell/oracle/gen-cases.ts)',
  );
});

test('instruction vectors equal what upstream regenerates', { timeout: 600_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'instruction-vectors-'));
  try {
    run(`bash test/instructions/oracle/generate.sh ${out}/upstream.json`);
    assert.ok(
      readFileSync(join(out, 'upstream.json')).equals(readFileSync('test/instructions/testdata/upstream.json')),
      'test/instructions/testdata/upstream.json is stale: run test/instructions/oracle/generate.sh',
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('parser outcome hashes equal what upstream regenerates', { timeout: 600_000 }, () => {
  const out = mkdtempSync(join(tmpdir(), 'parser-outcomes-'));
  try {
    run(`bash test/parser/oracle/generate.sh ${out}`);
    for (const name of ['fuzz-upstream.txt', 'conformance-upstream.txt']) {
      assert.ok(
        readFileSync(join(out, name)).equals(readFileSync(join('test/parser/testdata', name))),
        `test/parser/testdata/${name} is stale: run test/parser/oracle/generate.sh`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
