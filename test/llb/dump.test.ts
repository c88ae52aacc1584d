// dump-llb round trip: for every catalogue case, our dump of our bytes (via
// the bundled CLI) equals upstream's dump (buildctl's printer, in the oracle)
// of upstream's bytes. Needs Go; in CI it must run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { goAvailable, runOracle } from '../oracle/oracle.ts';
import { Definition, dumpDefinition } from '../../src/llb/index.ts';
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

  test('unknown fields written as groups (proto2 wire types 3 and 4) are skipped as Go skips them; tag 0 and wrong wire types refused', async () => {
    const varint = (n: number): number[] => {
      const out: number[] = [];
      for (; n >= 0x80; n = Math.floor(n / 128)) out.push((n % 128) | 0x80);
      return [...out, n];
    };
    const tag = (no: number, wt: number): number[] => varint(no * 8 + wt);
    // Field 99 as a group holding a varint, a nested group (field 7) with a
    // string, and a fixed32; then field 98 as an empty group.
    const groups = Buffer.from([
      ...tag(99, 3), ...tag(1, 0), 5, ...tag(7, 3), ...tag(2, 2), 2, 0x68, 0x69, ...tag(7, 4), ...tag(3, 5), 1, 2, 3, 4, ...tag(99, 4),
      ...tag(98, 3), ...tag(98, 4),
    ]);
    const def = await marshalCase(catalog['image-plain']!);
    // In the Definition and in each op (an op is a message of its own: its bytes are its digest's input).
    const parsed = Definition.decode(def);
    assert.ok(parsed.def.length > 0);
    const ops = parsed.def.map((op) => Buffer.concat([op, groups]));
    const withGroups = Buffer.concat([new Definition(ops, parsed.metadata, parsed.source).encode(), groups]);
    assert.equal(ourCliDump(withGroups), runOracle(['dump-llb'], withGroups).toString('utf8'));
    // An end group of another number closes the group in both; one with none
    // open, or a group with no end, is refused by both.
    const other = Buffer.concat([Buffer.from(def), Buffer.from([...tag(99, 3), ...tag(98, 4)])]);
    assert.equal(ourCliDump(other), runOracle(['dump-llb'], other).toString('utf8'));
    // Nor do they take field number 0, or a known field in another wire type
    // (def as a varint, metadata as a fixed32), which ours once read as its own.
    for (const bad of [Buffer.from(tag(99, 4)), Buffer.from(tag(99, 3)), Buffer.from([...tag(0, 0), 5]), Buffer.from([...tag(1, 0), 5]), Buffer.from([...tag(2, 5), 1, 2, 3, 4])]) {
      const r = spawnSync(process.execPath, ['dist/dockerfile-llb.js', 'dump-llb', '-'], { input: Buffer.concat([Buffer.from(def), bad]) });
      assert.equal(r.status, 1);
      assert.throws(() => runOracle(['dump-llb'], Buffer.concat([Buffer.from(def), bad])));
    }
  });

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
