// Differential fuzzing against upstream, live: a seeded run of generated
// Dockerfiles (mutated corpus files and small grammar-built ones; a fifth of
// them hostile: raw bytes that are no UTF-8, odd base-image configs, odd
// frontend options; see test/convert/fuzz/generate.ts) converted and linted by ours and by
// BuildKit v0.32.2's frontend (the Go oracle, all inputs in one `oracle
// batch` process), compared as the corpus parity tests compare (see
// test/convert/fuzz/differential.ts). Prints `differential fuzz: N/M
// identical`. Differences upstream itself does not reproduce from run to run
// (its concurrent image resolution reports either of two failures) are
// rerun against upstream and excluded when a rerun matches ours, or when
// both sides only report different ones of several stages that fail to
// resolve (upstream resolves stages concurrently and reports whichever fails
// first; ours reports the one it reports most often). A few
// inputs cannot be compared offline (the oracle's fake gateway returns no
// Definition for a local-source result; our converter needs a gateway to
// read an image's time for SOURCE_DATE_EPOCH=stage): counted apart.
//
// Also checks robustness: every input either converts or fails with a
// DockerfileError (or the image resolver's own error, passed through as
// upstream passes it), within 1 s.
//
// Two slices: a fixed seed (FUZZ_SEED, default 20261125) and a seed that
// changes every run (printed; FUZZ_RANDOM_SEED replays it), FUZZ_COUNT
// inputs each (default 300). Any length: npm run fuzz -- --count N.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable } from '../oracle/oracle.ts';
import { generate, type FuzzInput } from './fuzz/generate.ts';
import { differential, runOursConvert } from './fuzz/differential.ts';
import { DockerfileError } from '../../src/dockerfile/errors.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;
const count = Number(process.env.FUZZ_COUNT ?? '300');

async function slice(seed: number): Promise<void> {
  const inputs = Array.from({ length: count }, (_, i) => generate(seed, i));
  const all = await differential(inputs);
  const results = all.filter((r) => r.incomparable === undefined);
  const known = results.filter((r) => r.known !== undefined && r.diffs.length === 0).length;
  const ok = results.filter((r) => r.diffs.length === 0 && r.known === undefined).length;
  const nondeterministic = results.filter((r) => r.nondeterministic).length;
  const races = results.filter((r) => r.resolutionRace).length;
  console.log(
    `differential fuzz: ${ok}/${results.length - known} identical (seed ${seed}; ${known} known differences: progress names holding bytes that are no UTF-8, a Definition upstream cannot marshal; ${nondeterministic} only after rerunning upstream, whose answer varies, ${races} of these a race between failing stages no rerun showed; ${all.length - results.length} more not comparable offline)`,
  );
  const report = (r: (typeof results)[number]): string => `--- ${r.input.name}\n${r.input.text}\n${[...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])].join('\n')}`;
  const differing = results.filter((r) => r.diffs.length > 0);
  assert.deepEqual(differing.map(report), []);
  const fragile = all.filter((r) => r.robustness !== undefined);
  assert.deepEqual(fragile.map(report), []);
}

test('differential fuzz: generated Dockerfiles convert and lint as upstream (fixed seed)', { skip, timeout: 300_000 }, async () => {
  await slice(Number(process.env.FUZZ_SEED ?? '20261125'));
});

// A slice whose seed changes every run, so that CI keeps trying new inputs;
// the seed is printed: FUZZ_RANDOM_SEED=S replays it.
test('differential fuzz: a slice with a new seed every run', { skip, timeout: 300_000 }, async (t) => {
  const seed = Number(process.env.FUZZ_RANDOM_SEED ?? Math.floor(Math.random() * 2 ** 31));
  t.diagnostic(`differential fuzz random seed ${seed} (replay: FUZZ_RANDOM_SEED=${seed})`);
  console.log(`differential fuzz random seed ${seed} (replay: FUZZ_RANDOM_SEED=${seed})`);
  await slice(seed);
});

// Inputs the fuzzer found failing with a plain Error (not a DockerfileError)
// before they were fixed; each must fail with a DockerfileError.
const plainErrorRegressions: [string, FuzzInput][] = [
  ['COPY --from of a missing stage index', input('FROM alpine:3.19\nCOPY --from=5 /x /x\n')],
  ['a base name that is no valid reference', input('FROM alpine:3.19 AS a\nFROM Build\nRUN true\n')],
  ['SOURCE_DATE_EPOCH naming no stage', input('ARG SOURCE_DATE_EPOCH=soon\nFROM alpine:3.19\nRUN true\n')],
  ['SOURCE_DATE_EPOCH that is no valid context name', input('FROM alpine:3.19\nRUN true\n', { SOURCE_DATE_EPOCH: 'Not_Valid' })],
  ['a base image the resolver does not know', input('FROM alpine:3.19 AS a\nFROM with.dot\nRUN true\n')],
  ['RUN [] (nothing to run: the marshal fails)', input('FROM alpine:3.19\nRUN []\n')],
  [
    'SOURCE_DATE_EPOCH naming an input: named context without inputs',
    input('ARG SOURCE_DATE_EPOCH=alpine:3.19\nFROM alpine:3.19\nRUN true\n', {}, { 'context:alpine:3.19': 'input:foo' }),
  ],
];

function input(text: string, buildArgs: Record<string, string> = {}, opts: Record<string, string> = {}): FuzzInput {
  return { name: 'regression', text, buildArgs, platforms: [], opts };
}

for (const [what, a] of plainErrorRegressions) {
  test(`differential fuzz: ${what} fails with a DockerfileError`, async () => {
    const ours = await runOursConvert(a);
    assert.ok(ours.error, 'expected the conversion to fail');
    assert.ok(ours.error instanceof DockerfileError, `${ours.error.name}: ${ours.error.message}`);
    assert.ok(ours.ms < 1000, `took ${ours.ms} ms`);
  });
}
