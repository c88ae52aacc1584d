// Build checks plus the opt-in lint pack, with fixes: what `dockerfile-llb
// lint` runs. Upstream's findings come first and unchanged (the lint
// subrequest's result.json shape); pack findings follow; fixes are kept
// beside the result, never inside it.

import { DockerfileError } from '../dockerfile/errors.ts';
import { isLabs } from '../dockerfile/channel.ts';
import { withIncludes } from '../dockerfile/convert/include.ts';
import { resolveCheckConfig } from '../dockerfile/lint/config.ts';
import { lintDockerfile, type LintOptions } from '../dockerfile/convert/lint.ts';
import { sourceIndexOf, toJsonLocation, type LintResult } from '../dockerfile/lint/results.ts';
import { toByteString } from '../dockerfile/parser/bytes.ts';
import { parse, type InstructionNode, type ParseResult } from '../dockerfile/parser/index.ts';
import { upstreamFix, type Fix } from './fixes.ts';
import { enabledPackRules, fromPlatformOS, runPack } from './pack.ts';
import { loadShellParser, ShellBudget } from './shell.ts';
import { DockerfileSource } from './source.ts';

export { applyEditsToBytes, type Edit, type Fix } from './fixes.ts';
export { PACK_NAME, PACK_RULES, type PackRule } from './rules.ts';
export { DOCKERFILE_BUDGET_MS, SCRIPT_BUDGET_MS } from './shell.ts';

export interface PackLintOptions extends LintOptions {
  /** Packs enabled on the command line (`lint --pack NAME`). */
  packs?: string[];
  /** Also compute fixes (for `--fix` and SARIF). */
  fixes?: boolean;
}

export interface PackLintResult {
  result: LintResult;
  /** The fix of each warning (same index), where it has one. */
  fixes: (Fix | undefined)[];
  /** Names of the pack rules that were enabled. */
  packRules: string[];
  /** Scripts the shell parser was stopped on (its budget ran out): the pack read no commands in them. */
  unreadScripts: number;
}

const FIXABLE_UPSTREAM: ReadonlySet<string> = new Set(['FromAsCasing', 'MaintainerDeprecated', 'JSONArgsRecommended']);
const VIOLATION = 'lint violation found for rules: ';

export async function lintWithPack(text: string | Uint8Array, opt: PackLintOptions = {}): Promise<PackLintResult> {
  // One parse for the build checks and the pack.
  let tree: ParseResult | undefined;
  try {
    tree = parse(text);
  } catch (err) {
    if (!(err instanceof DockerfileError)) throw err;
  }
  const result = await lintDockerfile(text, tree === undefined ? opt : { ...opt, ast: tree });
  const fixes: (Fix | undefined)[] = result.warnings.map(() => undefined);
  if (tree === undefined) return { result, fixes, packRules: [], unreadScripts: 0 };
  const src = toByteString(text);
  let config;
  try {
    config = resolveCheckConfig(text, opt.buildArgs);
  } catch (err) {
    // A bad check setting is already the build's error.
    if (err instanceof DockerfileError) return { result, fixes, packRules: [], unreadScripts: 0 };
    throw err;
  }
  const enabled = enabledPackRules(config, opt.packs, opt.channel === 'labs');
  const needsShell = enabled.size > 0 || (opt.fixes === true && result.warnings.some((w) => w.ruleName === 'JSONArgsRecommended'));
  if (needsShell) await loadShellParser();
  const budget = new ShellBudget();
  // No pack rule and no fix reads the file's lines: a file of millions of lines is not split for nothing.
  if (enabled.size === 0 && opt.fixes !== true) return { result, fixes, packRules: [], unreadScripts: budget.skipped };
  const source = DockerfileSource.of(src, tree.escapeToken);

  if (opt.fixes) {
    // Any stage built for Windows: the file's shell form may run under cmd.
    const windows = opt.targetPlatform?.os === 'windows' || tree.children.some((n) => n.keyword === 'from' && fromPlatformOS(n, undefined) === 'windows');
    const stages = stageCommands(tree);
    result.warnings.forEach((w, i) => {
      // A finding in an included file (labs INCLUDE) is not fixed in this one.
      if (!FIXABLE_UPSTREAM.has(w.ruleName) || (w.location?.sourceIndex ?? 0) !== 0) return;
      const line = w.location?.ranges?.[0]?.start.line ?? 0;
      const node = nodeAt(tree, line);
      if (node !== undefined) fixes[i] = upstreamFix(w.ruleName, node, source, budget, { ...stages(node), windows });
    });
  }

  // Labs INCLUDE: the pack reads the included files' instructions where they stand, each in its own file (their
  // findings point into it, as the build checks' do). A file that cannot be included is the build's error already.
  let packTree = tree;
  if (enabled.size > 0 && isLabs(opt.channel)) {
    try {
      packTree = await withIncludes(tree, opt);
    } catch (err) {
      if (!(err instanceof DockerfileError)) throw err;
      return { result, fixes, packRules: [...enabled], unreadScripts: budget.skipped };
    }
  }
  const fired = runPack(packTree, {
    config,
    enabled,
    source,
    buildArgs: opt.buildArgs,
    target: opt.target,
    budget,
    channel: opt.channel,
    targetOS: opt.targetPlatform?.os,
    warn: (rule, detail, ranges, fix) => {
      const index = sourceIndexOf(result, ranges);
      result.warnings.push({ ruleName: rule.name, description: rule.description, url: rule.url, detail, location: toJsonLocation(index, ranges) });
      // A finding in an included file is not fixed in this one.
      fixes.push(opt.fixes && index === 0 ? fix : undefined);
    },
  });
  if (config.returnAsError && fired.length > 0) {
    const names = [...new Set(fired)];
    const be = result.buildError;
    if (be === undefined) result.buildError = { message: VIOLATION + names.join(', '), location: {} };
    else if (be.message.startsWith(VIOLATION)) be.message += ', ' + names.join(', ');
  }
  return { result, fixes, packRules: [...enabled], unreadScripts: budget.skipped };
}

interface StageFacts {
  name: string;
  base: string;
  parent: StageFacts | undefined;
  cmd: boolean;
  entrypoint: boolean;
}

/**
 * Whether the stages an instruction's image config is shared with (its
 * stage, the stages it is built on and those built on it) have a CMD and an
 * ENTRYPOINT; every stage counts when a FROM names its base with a variable.
 */
function stageCommands(tree: ParseResult): (node: InstructionNode) => { cmd: boolean; entrypoint: boolean } {
  const stages: StageFacts[] = [];
  const of = new Map<InstructionNode, StageFacts>();
  let variable = false;
  for (const n of tree.children) {
    if (n.keyword === 'from') {
      const base = (n.args[0] ?? '').toLowerCase();
      variable ||= base.includes('$');
      const name = n.args.length >= 3 && n.args[1].toLowerCase() === 'as' ? n.args[2].toLowerCase() : '';
      stages.push({ name, base, parent: stages.find((s) => s.name !== '' && s.name === base), cmd: false, entrypoint: false });
    }
    const s = stages[stages.length - 1];
    if (s === undefined) continue;
    of.set(n, s);
    if (n.keyword === 'cmd') s.cmd = true;
    if (n.keyword === 'entrypoint') s.entrypoint = true;
  }
  const chain = (s: StageFacts): StageFacts[] => {
    const out: StageFacts[] = [];
    for (let p: StageFacts | undefined = s; p !== undefined && !out.includes(p); p = p.parent) out.push(p);
    return out;
  };
  return (node) => {
    const s = of.get(node);
    const related = s === undefined || variable ? stages : stages.filter((t) => chain(t).includes(s) || chain(s).includes(t));
    return { cmd: related.some((t) => t.cmd), entrypoint: related.some((t) => t.entrypoint) };
  };
}

function nodeAt(tree: ParseResult, line: number): InstructionNode | undefined {
  return tree.children.find((n) => n.startLine <= line && line <= n.endLine);
}
