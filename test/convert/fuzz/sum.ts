// Sums the final lines of differential fuzzing runs that are slices of one
// range (run.ts --start/--count over one seed):
//   node --import ./test/register.mjs test/convert/fuzz/sum.ts LOG...
// Each LOG is a file holding a run's output; its `differential fuzz:` line is
// read. Prints the final line of the whole range, or says what is missing
// or overlapping.
import { readFileSync } from 'node:fs';
import { formatCounts, newCounts, parseCounts, type FuzzCounts, type FuzzRange } from './counts.ts';

const slices: { counts: FuzzCounts; range: FuzzRange; file: string }[] = [];
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, 'utf8').split('\n').map((l) => parseCounts(l)).filter((x) => x !== undefined);
  if (lines.length === 0) {
    console.error(`${file}: no final line (the run has not finished: run the same command again with its --state file to go on)`);
    process.exitCode = 1;
    continue;
  }
  for (const l of lines) slices.push({ ...l, file });
}
if (slices.length === 0) process.exit(1);
slices.sort((a, b) => a.range.start - b.range.start);
const seeds = new Set(slices.map((s) => s.range.seed));
if (seeds.size > 1) throw new Error(`the slices are of several seeds: ${[...seeds].join(', ')}`);
const total = newCounts();
for (let i = 0; i < slices.length; i++) {
  const s = slices[i];
  const prevEnd = i === 0 ? s.range.start : slices[i - 1].range.start + slices[i - 1].range.count;
  if (s.range.start !== prevEnd) throw new Error(`${s.file}: starts at input ${s.range.start}, the slices before end at ${prevEnd} (a gap or an overlap)`);
  for (const k of Object.keys(total) as (keyof FuzzCounts)[]) total[k] += s.counts[k];
}
const first = slices[0].range.start;
const last = slices[slices.length - 1];
console.log(formatCounts(total, { seed: slices[0].range.seed, start: first, count: last.range.start + last.range.count - first }));
