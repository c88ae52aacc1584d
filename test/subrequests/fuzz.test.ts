// Differential fuzzing of the outline, targets and convertllb subrequests
// against upstream, live: the differential fuzzer's generated inputs
// (test/convert/fuzz/generate.ts: corpus files mutated, grammar-generated
// files, odd frontend options), each asked `frontend.outline`,
// `frontend.targets` and `frontend.convertllb` of upstream's frontend (the
// oracle's `subrequest`, many per process) and of ours as the gateway
// frontend answers them (test/subrequests/outcome.ts: the options parsed as
// dockerui's client parses them as it starts, so a bad option fails the
// request; then the request with the build's convert options, no target
// platform and a Warn). Compared: the metadata (result.json, result.txt,
// version), or the error's message and Dockerfile locations.
//
// Two slices, as the differential fuzzer's: a fixed seed (SUBFUZZ_SEED,
// default 20261206) and one new each run (printed; SUBFUZZ_RANDOM_SEED
// replays it), SUBFUZZ_COUNT inputs each (default 1000).
//
// Upstream's answer is not always the same for one input. Two things it
// makes random are put in order on both sides: the progress groups' ids of
// a convertllb answer (COPY --link), numbered, and the rules of "lint
// violation found for rules: ...", listed from a Go map, sorted. Others are
// asked again: the args of an outline that share a line are sorted by line
// with sort.Slice from a map's order, and of two failures (a base image and
// a named context, say) upstream reports the one its concurrent resolution
// meets first. A difference is asked of upstream again (up to 24 times, each
// in its own process) and counted apart when one of its answers is ours
// (or, for a missing image, the same failure in the oracle's words).
// Not compared (counted apart): inputs with their own base images or bytes
// that are no UTF-8 (the oracle takes those only through files this test
// does not write), and answers that differ only because the two offline
// image resolvers word a missing image differently or because the oracle
// cannot resolve a URL's metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, type FuzzInput } from '../convert/fuzz/generate.ts';
import { goAvailable, runOracle, runOracleBatchAsync, type OracleBatchRequest } from '../oracle/oracle.ts';
import { MetadataFileResolver } from '../../src/registry/metadata-file.ts';
import { canon, normalized, oursOutcome, upstreamOutcome, type Outcome } from './outcome.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;
const count = Number(process.env.SUBFUZZ_COUNT ?? '1000');
const METADATA = join('testdata', 'convert', 'image-metadata.json');
const REQUESTS = ['frontend.outline', 'frontend.targets', 'frontend.convertllb'];
const RERUNS = 24;

/** The frontend options of an input, as a client sends them. */
function optionsOf(a: FuzzInput): Map<string, string> {
  const opts = new Map<string, string>(Object.entries(a.opts));
  for (const [k, v] of Object.entries(a.buildArgs)) opts.set(`build-arg:${k}`, v);
  if (a.target) opts.set('target', a.target);
  if (a.platforms.length > 0 && !opts.has('platform')) opts.set('platform', a.platforms.join(','));
  return opts;
}

const resolver = MetadataFileResolver.fromFile(METADATA);

/** Both answers are the offline resolvers' own words for a missing image, or the oracle cannot resolve a URL. */
function notComparable(want: Outcome, got: Outcome): boolean {
  if (!('error' in want) || !('error' in got)) return false;
  if (/oracle: resolving source metadata for .* is not supported/.test(want.error)) return true;
  const missing = /^(.*?)(?:oracle: no image metadata for|(?:^| )image metadata for .* not found in )/;
  const w = missing.exec(want.error);
  const g = missing.exec(got.error);
  return w !== null && g !== null && w[1]!.trim() === g[1]!.trim();
}

async function slice(seed: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'subfuzz-'));
  try {
    const cases: { name: string; request: string; text: string; opts: Map<string, string>; req: OracleBatchRequest }[] = [];
    let leftOut = 0;
    for (let i = 0; i < count; i++) {
      const a = generate(seed, i);
      if (a.images !== undefined || a.bytes !== undefined) {
        leftOut++;
        continue;
      }
      const file = join(dir, `${i}.Dockerfile`);
      writeFileSync(file, a.text);
      const opts = optionsOf(a);
      for (const request of REQUESTS) {
        const args = ['--request', request, '-f', file, '--image-metadata', METADATA];
        for (const [k, v] of opts) args.push('--opt', `${k}=${v}`);
        cases.push({ name: `${a.name} ${request}`, request, text: a.text, opts, req: { cmd: 'subrequest', args } });
      }
    }
    const answers = await runOracleBatchAsync(cases.map((c) => c.req));
    let same = 0;
    let varies = 0;
    let offline = 0;
    const differing: string[] = [];
    for (let j = 0; j < cases.length; j++) {
      const c = cases[j]!;
      const up = upstreamOutcome(answers[j]!);
      const want = up === undefined ? undefined : normalized(up);
      const got = normalized(await oursOutcome(c.request, Buffer.from(c.text), c.opts, resolver));
      if (want === undefined || notComparable(want, got)) {
        offline++;
        continue;
      }
      if (canon(want) === canon(got)) {
        same++;
        continue;
      }
      // Each in a process of its own: in one batch process the race often goes the same way every time.
      let matched = false;
      for (let k = 0; k < RERUNS && !matched; k++) {
        const again = upstreamOutcome(runOracle([c.req.cmd, ...c.req.args]).toString('utf8'));
        const w = again === undefined ? undefined : normalized(again);
        matched = w !== undefined && (canon(w) === canon(got) || notComparable(w, got));
      }
      if (matched) {
        varies++;
        continue;
      }
      differing.push(`--- ${c.name} ${JSON.stringify([...c.opts])}\nupstream: ${canon(want).slice(0, 2000)}\nours:     ${canon(got).slice(0, 2000)}`);
    }
    for (const d of differing.slice(0, 10)) console.log(d);
    const compared = same + varies + differing.length;
    console.log(
      `subrequest fuzz: ${same + varies}/${compared} identical (seed ${seed}; ${count} inputs, outline, targets and convertllb; ${varies} only after rerunning upstream, whose answer varies; ${offline} not comparable offline; ${leftOut} inputs left out)`,
    );
    assert.deepEqual(
      differing.map((d) => d.split('\n')[0]),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('subrequest fuzz: generated Dockerfiles outlined, listed and converted as upstream (fixed seed)', { skip, timeout: 300_000 }, async () => {
  await slice(Number(process.env.SUBFUZZ_SEED ?? '20261206'));
});

// A slice whose seed changes every run; SUBFUZZ_RANDOM_SEED=S replays it.
test('subrequest fuzz: a slice with a new seed every run', { skip, timeout: 300_000 }, async () => {
  const seed = Number(process.env.SUBFUZZ_RANDOM_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`subrequest fuzz random seed ${seed} (replay: SUBFUZZ_RANDOM_SEED=${seed})`);
  await slice(seed);
});
