// One op reached from many places with a source location each (2,000 stages
// FROM one image are one image op with 2,000 locations; issue 11,
// stages-2000): the marshal appends each location to the op's list, it does
// not copy the growing list each time (40 MB of copies for 2,000 stages).
// Every location is in the Definition once. (The copying cost too little
// beside the rest of a conversion for a CPU-time ratio to tell it apart:
// bench:hostile's stages-2000 shows it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as llb from '../../src/llb/index.ts';

const dockerfile = new TextEncoder().encode('FROM busybox\n');

/** A chain of `n` RUNs, each mounting the same image op, which has a location per RUN. */
function build(n: number): llb.State {
  const sm = new llb.SourceMap('Dockerfile', 'Dockerfile', dockerfile);
  let st = llb.scratch();
  for (let i = 0; i < n; i++) {
    const img = llb.image('busybox', { sourceLocations: [sm.location([{ start: { line: i + 1, character: 0 }, end: { line: i + 1, character: 0 } }])] });
    st = img.run({ args: ['true', String(i)], mounts: [{ target: '/prev', source: st, readonly: true }] }).root();
  }
  return st;
}

test('an op with many source locations: every location kept once', () => {
  const def = build(50).marshal();
  const source = def.toPb().Source;
  const lists = Object.values(source?.locations ?? {}).map((l) => (l as { locations?: { ranges?: { start?: { line?: number } }[] }[] }).locations ?? []);
  const longest = lists.reduce((a, b) => (b.length > a.length ? b : a), []);
  // In the order the marshal walks the graph (here the last RUN's image first).
  assert.deepEqual(
    longest.map((l) => l.ranges?.[0]?.start?.line ?? 0).sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i + 1),
  );
});
