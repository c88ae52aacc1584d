// Local differential fuzzing run: node --import ./test/register.mjs test/convert/fuzz/run.ts [SEED] [COUNT] [OUTDIR]
// Prints `differential fuzz: N/M identical` and writes each differing input
// (with its differences) to OUTDIR (default .cache/fuzz).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.ts';
import { differential } from './differential.ts';

const seed = Number(process.argv[2] ?? '1');
const count = Number(process.argv[3] ?? '500');
const outDir = process.argv[4] ?? join('.cache', 'fuzz');
mkdirSync(outDir, { recursive: true });
const inputs = Array.from({ length: count }, (_, i) => generate(seed, i));
let ok = 0;
let bad = 0;
let nondeterministic = 0;
let incomparable = 0;
let races = 0;
const chunk = 250;
for (let s = 0; s < inputs.length; s += chunk) {
  for (const r of await differential(inputs.slice(s, s + chunk))) {
    const problems = [...r.diffs, ...(r.robustness ? [`robustness: ${r.robustness}`] : [])];
    if (r.nondeterministic) nondeterministic++;
    if (r.resolutionRace) races++;
    if (r.incomparable) {
      incomparable++;
      continue;
    }
    if (problems.length === 0) {
      ok++;
      continue;
    }
    const idx = inputs.indexOf(r.input);
    const file = join(outDir, `s${seed}-${idx}.Dockerfile`);
    writeFileSync(file, r.input.text);
    writeFileSync(file + '.txt', `${r.input.name}\n${JSON.stringify({ buildArgs: r.input.buildArgs, platforms: r.input.platforms, target: r.input.target, opts: r.input.opts, dockerignore: r.input.dockerignore })}\n${problems.join('\n')}\n`);
    if (bad++ < 40) console.log(`--- ${file} ${r.input.name}\n${problems.join('\n').slice(0, 1500)}`);
  }
}
console.log(
  `differential fuzz: ${ok}/${inputs.length - incomparable} identical (seed ${seed}; ${nondeterministic} of them only after rerunning upstream, whose answer varies, ${races} of these a race between failing stages no rerun showed; ${incomparable} more not comparable offline)`,
);
