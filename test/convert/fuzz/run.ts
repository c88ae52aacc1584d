// Differential fuzzing run of any length: npm run fuzz -- [--count N] [--seed S] [--start I] [--out DIR]
// (or node --import ./test/register.mjs test/convert/fuzz/run.ts SEED COUNT [OUTDIR], the old form).
// Generates inputs I..I+N-1 of seed S (test/convert/fuzz/generate.ts), compares
// each with upstream (differential.ts, 250 per oracle process), prints
// progress to stderr and at the end
// `differential fuzz: N/M identical (...)` with the differences, the known
// differences (counted apart, explained in differential.ts), the inputs not
// comparable offline and the robustness failures (a throw that is no
// DockerfileError, or a conversion over 1 s); writes each differing input,
// with its differences, to DIR (default .cache/fuzz).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';
import { differential } from './differential.ts';

const { values, positionals } = parseArgs({
  options: { count: { type: 'string' }, seed: { type: 'string' }, start: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true,
});
const seed = Number(values.seed ?? positionals[0] ?? '1');
const count = Number(values.count ?? positionals[1] ?? '500');
const start = Number(values.start ?? '0');
const outDir = values.out ?? positionals[2] ?? join('.cache', 'fuzz');
mkdirSync(outDir, { recursive: true });

let ok = 0;
let bad = 0;
let nondeterministic = 0;
let incomparable = 0;
let races = 0;
let known = 0;
let fragile = 0;
let done = 0;
const t0 = Date.now();
const chunk = 250;
for (let s = start; s < start + count; s += chunk) {
  const inputs = Array.from({ length: Math.min(chunk, start + count - s) }, (_, k) => generate(seed, s + k));
  const results = await differential(inputs);
  results.forEach((r, k) => {
    const problems = [...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])];
    if (r.nondeterministic) nondeterministic++;
    if (r.resolutionRace) races++;
    if (r.robustness !== undefined) fragile++;
    if (r.incomparable) {
      incomparable++;
      return;
    }
    if (problems.length === 0) {
      if (r.known !== undefined) known++;
      else ok++;
      return;
    }
    const file = join(outDir, `s${seed}-${s + k}.Dockerfile`);
    writeFileSync(file, r.input.bytes ?? r.input.text);
    writeFileSync(
      file + '.txt',
      `${r.input.name}\n${JSON.stringify({ buildArgs: r.input.buildArgs, platforms: r.input.platforms, target: r.input.target, opts: r.input.opts, dockerignore: r.input.dockerignore, images: r.input.images })}\n${problems.join('\n')}\n`,
    );
    if (bad++ < 40) console.log(`--- ${file} ${r.input.name}\n${problems.join('\n').slice(0, 1500)}`);
  });
  done += inputs.length;
  const secs = (Date.now() - t0) / 1000;
  process.stderr.write(`fuzz seed ${seed}: ${s + inputs.length - start}/${count} (${(done / secs).toFixed(1)} inputs/s), ${bad} differing, ${known} known, ${fragile} robustness\n`);
}
console.log(
  `differential fuzz: ${ok}/${count - incomparable - known} identical (seed ${seed}, inputs ${start}..${start + count - 1}; ${bad} differing, ${fragile} robustness failures; ${known} known differences (bytes that are no UTF-8, kept as bytes upstream); ${nondeterministic} only after rerunning upstream, whose answer varies, ${races} of these a race between failing stages no rerun showed; ${incomparable} more not comparable offline; ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
