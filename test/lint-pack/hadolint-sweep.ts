// The pack against hadolint on every file of a directory (as hadolint.test.ts compares the
// pack's feature cases): for each hadolint code the pack implements, the instructions
// each flags, differences printed by rule.
//   [HADOLINT=path] node --import ./test/register.mjs test/lint-pack/hadolint-sweep.ts DIR
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholderResolver } from '../../src/cli/common.ts';
import { lintWithPack, PACK_NAME, PACK_RULES } from '../../src/lint-pack/index.ts';
import { parse } from '../../src/dockerfile/parser/index.ts';

const hadolint = process.env.HADOLINT ?? join('.cache', 'hadolint', 'bin', 'hadolint');
if (spawnSync(hadolint, ['--version']).status !== 0) throw new Error(`hadolint not found at ${hadolint} (set HADOLINT)`);
const dir = process.argv[2]!;
const CODE_TO_RULE = new Map(PACK_RULES.flatMap((r) => r.hadolint.map((c) => [c, r.name] as const)));
const byRule = new Map<string, string[]>();
let compared = 0;
let unparsed = 0;
for (const f of readdirSync(dir).sort()) {
  const file = join(dir, f);
  const text = readFileSync(file, 'utf8');
  let tree;
  try {
    tree = parse(text);
  } catch {
    continue;
  }
  const h = spawnSync(hadolint, ['--no-fail', '-f', 'json', file], { encoding: 'utf8' });
  let found: { code: string; line: number }[];
  try {
    found = JSON.parse(h.stdout) as { code: string; line: number }[];
  } catch {
    unparsed++;
    continue;
  }
  if (found.some((x) => x.code === 'DL1000')) {
    unparsed++;
    continue;
  }
  const theirs = new Set<string>();
  for (const x of found) {
    const r = CODE_TO_RULE.get(x.code);
    if (r !== undefined) theirs.add(`${r} ${x.line}`);
  }
  const ours = new Set<string>();
  let r;
  try {
    r = await lintWithPack(text, { packs: [PACK_NAME], imageResolver: placeholderResolver });
  } catch (err) {
    console.log(`ours failed on ${f}: ${(err as Error).message}`);
    continue;
  }
  for (const w of r.result.warnings) {
    if (!CODE_TO_RULE.has(PACK_RULES.find((p) => p.name === w.ruleName)?.hadolint[0] ?? '')) continue;
    const line = w.location?.ranges?.[0]?.start.line ?? 0;
    const node = tree.children.find((n) => n.startLine <= line && line <= n.endLine);
    ours.add(`${w.ruleName} ${node?.startLine ?? line}`);
  }
  compared++;
  for (const x of ours) if (!theirs.has(x)) (byRule.get(x.split(' ')[0]!) ?? byRule.set(x.split(' ')[0]!, []).get(x.split(' ')[0]!)!).push(`ours     ${f}:${x.split(' ')[1]}`);
  for (const x of theirs) if (!ours.has(x)) (byRule.get(x.split(' ')[0]!) ?? byRule.set(x.split(' ')[0]!, []).get(x.split(' ')[0]!)!).push(`hadolint ${f}:${x.split(' ')[1]}`);
}
for (const [rule, ds] of [...byRule].sort()) {
  console.log(`${rule}: ${ds.length} differences`);
  for (const d of ds.slice(0, 12)) console.log(`  ${d}`);
}
console.log(`hadolint sweep: ${compared} files compared (${unparsed} hadolint cannot parse)`);
