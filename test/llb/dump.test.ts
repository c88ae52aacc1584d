// dump-llb round trip: for every catalogue case, our dump of our bytes (via
// the bundled CLI) equals upstream's dump (buildctl's printer, in the oracle)
// of upstream's bytes. Needs Go; in CI it must run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { dumpDefinition } from '../../src/llb/index.ts';
import { catalog, marshalCase } from './catalog.ts';

const mustRun = process.env.CI === 'true';

function ourCliDump(bytes: Uint8Array): string {
  const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', 'dump-llb', '-'], { input: bytes, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

if (!goAvailable() && !mustRun) {
  test('dump-llb parity with upstream', { skip: 'Go is not installed: the upstream oracle cannot run' }, () => {});
} else {
  const upstream = new Map<string, Buffer>();
  for (const line of runOracle(['llb-catalog']).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { name, def } = JSON.parse(line) as { name: string; def: string };
    upstream.set(name, Buffer.from(def, 'base64'));
  }

  for (const [name, theirs] of upstream) {
    test(`dump-llb matches buildctl's: ${name}`, async () => {
      const c = catalog[name];
      assert.ok(c, `no TypeScript mirror for case ${name}`);
      const ours = await marshalCase(c);
      const expected = runOracle(['dump-llb'], theirs).toString('utf8');
      assert.equal(dumpDefinition(ours), expected);
    });
  }

  test('the dump-llb command prints the same as buildctl for every case', async () => {
    for (const [name, theirs] of upstream) {
      const ours = await marshalCase(catalog[name]!);
      assert.equal(ourCliDump(ours), runOracle(['dump-llb'], theirs).toString('utf8'), name);
    }
  });
}

test('dump-llb rejects bytes that are not a Definition', () => {
  const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', 'dump-llb', '-'], { input: Buffer.from([0x0a, 0x05, 0x01]), encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /invalid definition/);
});
