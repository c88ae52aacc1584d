// Differential fuzzing run of any length:
//   npm run fuzz -- [--count N] [--seed S] [--start I] [--out DIR] [--state FILE]
// (or node --import ./test/register.mjs test/convert/fuzz/run.ts SEED COUNT [OUTDIR], the old form).
// Generates inputs I..I+N-1 of seed S (test/convert/fuzz/generate.ts), compares
// each with upstream (differential.ts, 250 per oracle process; the oracle
// answers the next 250 while ours converts these), prints progress to stderr
// and at the end `differential fuzz: N/M identical (...)` with the
// differences, the known differences (counted apart, explained in
// differential.ts), the inputs not comparable offline and the robustness
// failures (a throw that is no DockerfileError, or a conversion over 1 s);
// writes each differing input, with its differences, to DIR (default
// .cache/fuzz).
//
// With --state FILE the counts are saved after every batch of 250: the same
// command run again (after a crash, a reboot or a kill) goes on from where
// the file says and its final line counts the whole range. A long run can
// also be cut into slices (--start/--count over the same seed, e.g. on
// several machines), each printing its own final line: the figures of the
// slices add up (test/convert/fuzz/sum.ts sums the final lines of logs).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, type FuzzInput } from './generate.ts';
import { askOracle, differential, releaseInputs, type OracleAnswers } from './differential.ts';
import { formatCounts, newCounts, type FuzzCounts } from './counts.ts';

const { values, positionals } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, out: { type: 'string' }, state: { type: 'string' } },
  allowPositionals: true,
});
const seed = Number(values.seed ?? positionals[0] ?? '1');
const count = Number(values.count ?? positionals[1] ?? '500');
const start = Number(values.start ?? '0');
const outDir = values.out ?? positionals[2] ?? join('.cache', 'fuzz');
mkdirSync(outDir, { recursive: true });

interface State {
  seed: number;
  start: number;
  count: number;
  /** The first input not yet compared. */
  next: number;
  counts: FuzzCounts;
}
let state: State = { seed, start, count, next: start, counts: newCounts() };
if (values.state !== undefined && existsSync(values.state)) {
  const saved = JSON.parse(readFileSync(values.state, 'utf8')) as State;
  if (saved.seed !== seed || saved.start !== start || saved.count !== count) {
    throw new Error(`${values.state} holds a run of seed ${saved.seed}, inputs ${saved.start}+${saved.count}: not this one (remove it to start again)`);
  }
  state = saved;
  process.stderr.write(`fuzz seed ${seed}: going on from input ${state.next} (${state.next - start} of ${count} done)\n`);
}
function save(): void {
  if (values.state === undefined) return;
  writeFileSync(values.state + '.tmp', JSON.stringify(state) + '\n');
  renameSync(values.state + '.tmp', values.state);
}

const c = state.counts;
const t0 = Date.now();
const secs0 = c.seconds;
let doneHere = 0;
const chunk = 250;
const end = start + count;
const batch = (s: number): FuzzInput[] => Array.from({ length: Math.min(chunk, end - s) }, (_, k) => generate(seed, s + k));
let inputs = state.next < end ? batch(state.next) : [];
let asked: OracleAnswers | undefined = inputs.length > 0 ? askOracle(inputs) : undefined;
while (asked !== undefined) {
  const s = state.next;
  // The next batch's answers come while ours converts this one.
  const nextInputs = s + inputs.length < end ? batch(s + inputs.length) : [];
  const nextAsked = nextInputs.length > 0 ? askOracle(nextInputs) : undefined;
  const results = await differential(inputs, true, asked);
  results.forEach((r, k) => {
    const problems = [...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])];
    if (r.nondeterministic) c.nondeterministic++;
    if (r.resolutionRace) c.races++;
    if (r.robustness !== undefined) c.robustness++;
    if (r.incomparable) {
      c.incomparable++;
      return;
    }
    if (problems.length === 0) {
      if (r.known !== undefined) c.known++;
      else c.identical++;
      return;
    }
    const file = join(outDir, `s${seed}-${s + k}.Dockerfile`);
    writeFileSync(file, r.input.bytes ?? r.input.text);
    // A generated .dockerignore is kept beside it (one.ts takes it as `dockerignore`).
    if (r.input.dockerignoreBytes !== undefined) writeFileSync(file.replace(/\.Dockerfile$/, '.dockerignore'), r.input.dockerignoreBytes);
    writeFileSync(
      file + '.txt',
      `${r.input.name}\n${JSON.stringify({ buildArgs: r.input.buildArgs, platforms: r.input.platforms, target: r.input.target, opts: r.input.opts, dockerignore: r.input.dockerignoreBytes !== undefined ? file.replace(/\.Dockerfile$/, '.dockerignore') : r.input.dockerignore, images: r.input.images })}\n${problems.join('\n')}\n`,
    );
    if (c.differing++ < 40) console.log(`--- ${file} ${r.input.name}\n${problems.join('\n').slice(0, 1500)}`);
  });
  releaseInputs(inputs);
  doneHere += inputs.length;
  state.next = s + inputs.length;
  c.seconds = secs0 + (Date.now() - t0) / 1000;
  save();
  const rate = doneHere / ((Date.now() - t0) / 1000);
  process.stderr.write(`fuzz seed ${seed}: ${state.next - start}/${count} (${rate.toFixed(1)} inputs/s), ${c.differing} differing, ${c.known} known, ${c.robustness} robustness\n`);
  inputs = nextInputs;
  asked = nextAsked;
}
console.log(formatCounts(c, { seed, start, count }));
