// What the pack and hadolint each flag in a file, in the same terms: `Rule LINE`,
// the pack's rule name for each hadolint code it corresponds to, and the first
// line of the instruction flagged (hadolint's line). Used by hadolint.test.ts
// and by the hadolint-sweep.ts script.
import { spawnSync } from 'node:child_process';
import { placeholderResolver } from '../../src/cli/common.ts';
import { lintWithPack, PACK_NAME, PACK_RULES } from '../../src/lint-pack/index.ts';
import { parse } from '../../src/dockerfile/parser/index.ts';

/** Our rule for each hadolint code. */
export const CODE_TO_RULE = new Map(PACK_RULES.flatMap((r) => r.hadolint.map((c) => [c, r.name] as const)));

/** hadolint's findings in a file as `Rule LINE`, or undefined when hadolint fails or cannot parse the file (DL1000). */
export function hadolintFindings(hadolint: string, file: string): { found?: Set<string>; stderr: string } {
  const h = spawnSync(hadolint, ['--no-fail', '-f', 'json', file], { encoding: 'utf8' });
  let all: { code: string; line: number }[];
  try {
    all = JSON.parse(h.stdout) as { code: string; line: number }[];
  } catch {
    return { stderr: h.stderr ?? String(h.error) };
  }
  if (h.status !== 0 || all.some((x) => x.code === 'DL1000')) return { stderr: h.stderr };
  const found = new Set<string>();
  for (const x of all) {
    const r = CODE_TO_RULE.get(x.code);
    if (r !== undefined) found.add(`${r} ${x.line}`);
  }
  return { found, stderr: h.stderr };
}

/** The pack's findings of rules with a hadolint code, as `Rule LINE` (LINE: the flagged instruction's first line). */
export async function packFindings(text: string): Promise<Set<string>> {
  const tree = parse(text);
  const out = new Set<string>();
  const r = await lintWithPack(text, { packs: [PACK_NAME], imageResolver: placeholderResolver });
  for (const w of r.result.warnings) {
    if (!PACK_RULES.some((p) => p.name === w.ruleName && p.hadolint.length > 0)) continue;
    const line = w.location?.ranges?.[0]?.start.line ?? 0;
    const node = tree.children.find((n) => n.startLine <= line && line <= n.endLine);
    out.add(`${w.ruleName} ${node?.startLine ?? line}`);
  }
  return out;
}
