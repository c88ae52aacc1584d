// The pack against hadolint on every file of a directory (as hadolint.test.ts compares the
// pack's feature cases): for each hadolint code the pack implements, the instructions
// each flags, differences printed by rule.
//   [HADOLINT=path] [SWEEP_SHOW=N: differences listed per rule, 12 by default] node --import ./test/register.mjs test/lint-pack/hadolint-sweep.ts DIR
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/dockerfile/parser/index.ts';
import { hadolintFindings, packFindings } from './hadolint-compare.ts';

const hadolint = process.env.HADOLINT ?? join('.cache', 'hadolint', 'bin', 'hadolint');
if (spawnSync(hadolint, ['--version']).status !== 0) throw new Error(`hadolint not found at ${hadolint} (set HADOLINT)`);
const dir = process.argv[2]!;
const byRule = new Map<string, string[]>();
const note = (x: string, who: string, f: string): void => {
  const [rule, line] = x.split(' ');
  const list = byRule.get(rule!) ?? [];
  list.push(`${who} ${f}:${line}`);
  byRule.set(rule!, list);
};
let compared = 0;
let unparsed = 0;
for (const f of readdirSync(dir).sort()) {
  const file = join(dir, f);
  const text = readFileSync(file, 'utf8');
  try {
    parse(text);
  } catch {
    continue;
  }
  const theirs = hadolintFindings(hadolint, file).found;
  if (theirs === undefined) {
    unparsed++;
    continue;
  }
  let ours;
  try {
    ours = await packFindings(text);
  } catch (err) {
    console.log(`ours failed on ${f}: ${(err as Error).message}`);
    continue;
  }
  compared++;
  for (const x of ours) if (!theirs.has(x)) note(x, 'ours    ', f);
  for (const x of theirs) if (!ours.has(x)) note(x, 'hadolint', f);
}
for (const [rule, ds] of [...byRule].sort()) {
  console.log(`${rule}: ${ds.length} differences`);
  for (const d of ds.slice(0, Number(process.env.SWEEP_SHOW ?? 12))) console.log(`  ${d}`);
}
console.log(`hadolint sweep: ${compared} files compared (${unparsed} hadolint cannot parse)`);
