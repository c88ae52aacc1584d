// Records upstream's outcome for every fuzz input (run by hand, not a test):
//
//   ORACLE=/path/to/oracle node --import ./test/register.mjs test/parser/oracle/record.ts [--compare]
//
// ORACLE is the program built from main.go in this directory against BuildKit
// v0.32.2 (see README.md). It writes test/parser/testdata/fuzz-upstream.txt,
// one short hash of upstream's canonical outcome per input. With --compare it
// instead prints every input where this parser's outcome differs.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { conformanceCases, FUZZ_COUNT, FUZZ_SEED, fuzzInputs } from '../fuzz-inputs.ts';
import { canonical, ourOutcome, outcomeHash, type OracleOutcome } from '../outcome.ts';

const oracle = process.env.ORACLE;
if (!oracle) {
  console.error('set ORACLE to the upstream oracle program');
  process.exit(2);
}
const compare = process.argv.includes('--compare');
// Where the recorded files go: testdata/, or OUT_DIR (the golden-file check).
const outDir = process.env.OUT_DIR
  ? pathToFileURL(process.env.OUT_DIR.replace(/\/?$/, '/'))
  : new URL('../testdata/', import.meta.url);
const count = Number(process.env.COUNT ?? FUZZ_COUNT);
const seed = Number(process.env.SEED ?? FUZZ_SEED);

const inputs = [...fuzzInputs(seed, count)];
const stdin = inputs.map((s) => Buffer.from(s, 'utf8').toString('base64')).join('\n') + '\n';
const r = spawnSync(oracle, [], { input: stdin, maxBuffer: 1 << 30, encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const outcomes = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as OracleOutcome);
if (outcomes.length !== inputs.length) throw new Error(`oracle gave ${outcomes.length} results for ${inputs.length} inputs`);

if (compare) {
  let bad = 0;
  for (let i = 0; i < inputs.length; i++) {
    const theirs = canonical(outcomes[i]);
    const ours = canonical(ourOutcome(inputs[i]));
    if (theirs !== ours) {
      bad++;
      if (bad <= 10) {
        console.log(`--- input ${i}: ${JSON.stringify(inputs[i]).slice(0, 600)}`);
        console.log(`upstream: ${theirs.slice(0, 800)}`);
        console.log(`ours:     ${ours.slice(0, 800)}`);
      }
    }
  }
  console.log(`${bad} of ${inputs.length} differ`);
  process.exit(bad === 0 ? 0 : 1);
}

// Upstream's full outcome for each conformance Dockerfile (line ranges,
// heredocs, comments, warnings, not only the dump its `result` files hold).
{
  const cases = conformanceCases();
  const stdin = cases.map((c) => Buffer.from(c.text, 'utf8').toString('base64')).join('\n') + '\n';
  const out = spawnSync(oracle, [], { input: stdin, maxBuffer: 1 << 30, encoding: 'utf8' });
  const res = out.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as OracleOutcome);
  const rows = ['# BuildKit v0.32.2 parser outcome hash per conformance Dockerfile (test/parser/oracle/record.ts)'];
  cases.forEach((c, i) => rows.push(`${c.name} ${outcomeHash(res[i])}`));
  writeFileSync(new URL('conformance-upstream.txt', outDir), rows.join('\n') + '\n');
}

const lines = [`# BuildKit v0.32.2 parser outcomes: seed=${seed} count=${count} (test/parser/oracle/record.ts)`];
for (const o of outcomes) lines.push(outcomeHash(o));
writeFileSync(new URL('fuzz-upstream.txt', outDir), lines.join('\n') + '\n');
console.log(`wrote ${outcomes.length} outcomes`);
