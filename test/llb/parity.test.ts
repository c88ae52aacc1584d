// Byte identity with upstream: every case of the LLB catalogue marshaled by
// our SDK must equal, byte for byte, the Definition BuildKit v0.32.2's Go llb
// package produces (test/oracle llb-catalog). Needs Go; in CI it must run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { dumpDefinition } from '../../src/llb/index.ts';
import { catalog, marshalCase } from './catalog.ts';

const mustRun = process.env.CI === 'true';

function upstreamCatalog(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const line of runOracle(['llb-catalog']).toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { name, def } = JSON.parse(line) as { name: string; def: string };
    out.set(name, Buffer.from(def, 'base64'));
  }
  return out;
}

if (!goAvailable() && !mustRun) {
  test('LLB parity with upstream', { skip: 'Go is not installed: the upstream oracle cannot run' }, () => {});
} else {
  const upstream = upstreamCatalog();

  test('the catalogue mirrors every upstream case by name (at least 40)', () => {
    assert.ok(upstream.size >= 40, `upstream catalogue has only ${upstream.size} cases`);
    assert.deepEqual(Object.keys(catalog).sort(), [...upstream.keys()].sort());
  });

  for (const [name, theirs] of upstream) {
    test(`byte-identical Definition: ${name}`, async () => {
      const c = catalog[name];
      assert.ok(c, `no TypeScript mirror for case ${name}`);
      const ours = Buffer.from(await marshalCase(c));
      if (!ours.equals(theirs)) {
        // Show the difference readably before failing on the bytes.
        assert.equal(dumpDefinition(ours), dumpDefinition(theirs), `${name}: ops differ`);
        assert.equal(ours.toString('hex'), theirs.toString('hex'), `${name}: bytes differ`);
      }
    });
  }
}
