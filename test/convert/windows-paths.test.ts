// Windows paths against upstream, live: seeded random paths made of drive
// letters (C:, c:, other drives), `\`, `/`, `.`, `..`, UNC prefixes, colons
// and wildcards, put in WORKDIR, COPY/ADD sources and destinations,
// `COPY --parents` and RUN --mount targets of a Windows stage (and, for
// contrast, of a Linux one), converted and linted by ours and by BuildKit
// v0.32.2's frontend (one `oracle batch` process, as the differential fuzzer
// does). Upstream's answers are the expected values: the LLB, the image
// config (WorkingDir with backslashes), or the error and its line.
// Prints `windows paths: N/M identical`. WIN_PATHS_SEED and WIN_PATHS_COUNT
// override the seed and the number of inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { Rng, type FuzzInput } from './fuzz/generate.ts';
import { differential } from './fuzz/differential.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;
const seed = Number(process.env.WIN_PATHS_SEED ?? '20261204');
const count = Number(process.env.WIN_PATHS_COUNT ?? '300');

// A path: an optional drive (C:, c:, rarely another drive), then names,
// `.`, `..` and wildcards joined by `\` or `/`, sometimes with a leading or
// trailing separator; rarely what upstream refuses elsewhere in it (a UNC
// prefix, a colon, a bare drive).
const DRIVES = ['', '', '', 'C:', 'c:'];
const NAMES = ['app', 'b', 'src', '.', '..', '*.txt', 'Program_Files'];
const RARE = ['D:', 'z:', '\\\\', '//', ':', 'x:y'];

function randomPath(r: Rng): string {
  let p = r.chance(0.05) ? r.pick(RARE) : r.pick(DRIVES);
  if (r.chance(0.7)) p += r.pick(['\\', '/']);
  const n = r.int(4);
  for (let i = 0; i < n; i++) {
    if (i > 0) p += r.pick(['\\', '/', '\\\\']);
    p += r.chance(0.03) ? r.pick(RARE) : r.pick(NAMES);
  }
  if (r.chance(0.3)) p += r.pick(['\\', '/', '\\.', '/.']);
  return p === '' ? '.' : p;
}

function randomInstruction(r: Rng): string {
  switch (r.int(7)) {
    case 0:
    case 1:
      return `WORKDIR ${randomPath(r)}`;
    case 2:
      return `COPY a.txt ${randomPath(r)}`;
    case 3:
      return `COPY ${randomPath(r)} ${randomPath(r)}`;
    case 4:
      return `COPY --parents ${randomPath(r)}${r.chance(0.5) ? '/./' + randomPath(r) : ''} ${randomPath(r)}`;
    case 5:
      return `RUN --mount=type=cache,target=${randomPath(r)} dir`;
    default: {
      const name = r.pick(['EOT', 'C:x', 'c:cfg.ini', 'cfg.ini', 'D:x']);
      return `COPY <<${name} ${randomPath(r)}\nx\n${name}`;
    }
  }
}

function generateInput(i: number): FuzzInput {
  const r = new Rng(seed + i * 7919);
  const windows = r.chance(0.85);
  const lines = ['# escape=`', 'ARG P=' + (windows ? 'windows/amd64' : 'linux/amd64')];
  lines.push(`FROM --platform=$P ${windows ? r.pick(['mcr.microsoft.com/windows/servercore:ltsc2022', 'docker.io/example/windows-root-workdir:1', 'docker.io/example/windows-slash-workdir:1', 'scratch']) : 'busybox:latest'}`);
  const n = 1 + r.int(4);
  for (let k = 0; k < n; k++) lines.push(randomInstruction(r));
  return { name: `windows-paths#${i}`, text: lines.join('\n') + '\n', buildArgs: {}, platforms: r.chance(0.5) ? ['windows/amd64'] : [], opts: {} };
}

test('windows paths: random Windows paths convert and lint as upstream', { skip, timeout: 120_000 }, async () => {
  const inputs = Array.from({ length: count }, (_, i) => generateInput(i));
  const results = (await differential(inputs)).filter((r) => r.incomparable === undefined);
  const ok = results.filter((r) => r.diffs.length === 0 && r.robustness === undefined).length;
  const errors = results.filter((r) => r.ours.error !== undefined).length;
  console.log(`windows paths: ${ok}/${results.length} identical (seed ${seed}; ${errors} failing builds among them)`);
  const report = (r: (typeof results)[number]): string => `--- ${r.input.name}\n${r.input.text}\n${[...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])].join('\n')}`;
  assert.deepEqual(results.filter((r) => r.diffs.length > 0 || r.robustness !== undefined).map(report), []);
  // The inputs reach both outcomes: built images and path errors.
  assert.ok(errors > count / 10 && errors < count - count / 10, `${errors} of ${results.length} failed`);
});
