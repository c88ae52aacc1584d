// The lint pack `best-practices`: rules beyond BuildKit's 22, run after the
// build checks (so upstream's findings come first and unchanged) over the
// typed instructions of the instruction table (parseStages: stages, ARG
// definitions, ENV pairs, SHELL, USER) and their syntax-tree nodes (lines,
// comments above, the shell-form text). The shell in RUN, CMD and
// ENTRYPOINT is read with a shell parser (shell.ts), never with regular
// expressions over the text.
//
// Enabled by `lint --pack best-practices`, or, in the labs channel (the
// `:labs` image's `--call check`, `lint --channel labs`), by the pack's name
// (or a rule's name) in the check setting's experimental list:
// `# check=experimental=best-practices`. The stable channel ignores the
// setting (upstream's frontend accepts and ignores unknown names there), and
// `experimental=all` never enables it.
// `skip=` (in the directive, the BUILDKIT_DOCKERFILE_CHECK build arg, or a
// `# check=skip=…` comment directly above an instruction or stage) skips
// pack rules by name, or all of them. hadolint's own pragmas are read too, by
// the hadolint codes each rule corresponds to: `# hadolint ignore=DL3008,...`
// among the comments above an instruction skips the rules for it, and
// `# hadolint global ignore=...` above any instruction skips them everywhere,
// so a file written for hadolint needs no second set of comments.

import type { LineRange, SourceFile } from '../dockerfile/errors.ts';
import { toByteString } from '../dockerfile/parser/bytes.ts';
import type { CheckConfig } from '../dockerfile/lint/config.ts';
import { Linter, type LintWarnFunc } from '../dockerfile/lint/linter.ts';
import { DockerfileError } from '../dockerfile/errors.ts';
import { parseStages, type Command, type ShellCommand, type UserCommand } from '../dockerfile/instructions/index.ts';
import type { InstructionNode, ParseResult } from '../dockerfile/parser/index.ts';
import type { Channel } from '../dockerfile/channel.ts';
import * as R from './rules.ts';
import { assignedNames, expansions, parseScript, pipelines, simpleCommands, type Script, type ShellBudget, type SimpleCommand } from './shell.ts';
import { DockerfileSource, lineRanges, spanRanges, type ScriptSource } from './source.ts';
import type { Edit } from './fixes.ts';

/** A pack finding's automatic fix. */
export interface PackFix {
  description: string;
  edits: Edit[];
}

export interface PackWarn {
  (rule: R.PackRule<unknown[]>, detail: string, ranges: LineRange[], fix?: PackFix): void;
}

/**
 * Which pack rules are on: all of them for `packs` naming the pack (lint
 * --pack); with `fromSetting` (the labs channel), also those the check
 * setting names in its experimental list (the pack's name, or a rule's).
 */
export function enabledPackRules(config: CheckConfig, packs: readonly string[] = [], fromSetting = false): Set<string> {
  const names = new Set<string>();
  const listed = fromSetting ? config.experimentalRules : [];
  const all = packs.includes(R.PACK_NAME) || listed.includes(R.PACK_NAME);
  for (const r of R.PACK_RULES) if (all || listed.includes(r.name)) names.add(r.name);
  return names;
}

interface Stage {
  name: string;
  baseName: string;
  from: InstructionNode;
  parent: Stage | undefined;
  commands: Command[];
  /** Built for Windows (its FROM's --platform, else the target's): RUN's default shell is cmd there, as BuildKit's. */
  windows: boolean;
}

const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

export interface PackOptions {
  config: CheckConfig;
  enabled: ReadonlySet<string>;
  source: DockerfileSource;
  buildArgs?: Record<string, string>;
  target?: string;
  warn: PackWarn;
  /** How long the shell parser may take (none: as long as it takes). */
  budget?: ShellBudget;
  /** The syntax channel the instructions are read in (default stable): labs reads its own flags. */
  channel?: Channel;
  /** The target platform's OS (`lint --platform`): a stage's default shell is cmd on windows. */
  targetOS?: string;
}

/**
 * The OS a FROM builds for, as far as the Dockerfile says: its `--platform`
 * flag's when it has one (read as written: `windows` anywhere in it), else
 * the target's (`targetOS`, undefined when none was given).
 */
export function fromPlatformOS(from: InstructionNode, targetOS: string | undefined): string | undefined {
  const flag = from.flags.find((f) => /^--platform=/i.test(f));
  if (flag === undefined) return targetOS;
  return /windows/i.test(flag) ? 'windows' : 'other';
}

/** `hadolint ignore=A,B` (global: `hadolint global ignore=A,B`), a comment's text after its `#`, as hadolint reads it. */
const HADOLINT_PRAGMA = /^hadolint[ \t]+(global[ \t]+)?ignore[ \t]*=[ \t]*(.*)$/;

/** Adds the codes a hadolint pragma of the wanted kind (global or not) ignores. */
function hadolintIgnores(comment: string, global: boolean, into: Set<string>): void {
  const m = HADOLINT_PRAGMA.exec(comment.trim());
  if (m === null || (m[1] !== undefined) !== global) return;
  for (const code of m[2]!.split(',')) if (code.trim() !== '') into.add(code.trim());
}

/** Runs the enabled pack rules over a parsed Dockerfile; returns the rules that fired (for error=true). */
export function runPack(tree: ParseResult, opt: PackOptions): string[] {
  if (opt.enabled.size === 0) return [];
  const fired: string[] = [];
  const warnFunc: LintWarnFunc = () => {};
  const root = Linter.create(opt.config, warnFunc);
  // As upstream's rules: a `# check=` comment applies to the instruction it
  // is above (a FROM's to the rules about the stage's base).
  const hadolintGlobal = new Set<string>();
  for (const n of tree.children) for (const c of n.prevComment) hadolintIgnores(c, true, hadolintGlobal);
  // `code`: the one hadolint code of this finding, for a rule that corresponds to several (apt-get's DL3008, apk's DL3018, ...).
  const report = (node: InstructionNode, rule: R.PackRule<unknown[]>, detail: string, ranges: LineRange[], fix?: PackFix, code?: string): void => {
    if (!opt.enabled.has(rule.name)) return;
    if (!root.withCommentConfig(node.prevComment).enabled(rule)) return;
    if (rule.hadolint.length > 0) {
      const here = new Set<string>();
      for (const c of node.prevComment) hadolintIgnores(c, false, here);
      if ((code !== undefined ? [code] : rule.hadolint).some((c) => hadolintGlobal.has(c) || here.has(c))) return;
    }
    fired.push(rule.name);
    // An instruction of an included file (labs INCLUDE): its lines are that file's.
    const file = node.file;
    opt.warn(rule, detail, file === undefined ? ranges : ranges.map((r) => ({ ...r, file })), fix);
  };
  // Each file's lines, read once: the Dockerfile's, and an included file's for its instructions.
  const sources = new Map<SourceFile, DockerfileSource>();
  const sourceOf = (n: InstructionNode): DockerfileSource => {
    if (n.file === undefined) return opt.source;
    let s = sources.get(n.file);
    if (s === undefined) {
      s = DockerfileSource.of(toByteString(n.file.data), n.file.escapeToken);
      sources.set(n.file, s);
    }
    return s;
  };

  // The typed instructions (the instruction table's parse): global ARGs
  // with their defaults, and the stages. A file whose instructions do not
  // parse has that as its build error; the pack has nothing to add.
  let parsed;
  try {
    parsed = parseStages(tree, { channel: opt.channel });
  } catch (err) {
    if (err instanceof DockerfileError) return fired;
    throw err;
  }
  const globalArgs = new Map<string, string | undefined>();
  for (const a of parsed.metaArgs) for (const d of a.args) globalArgs.set(d.key, opt.buildArgs?.[d.key] ?? d.value);
  const stages: Stage[] = [];
  for (const st of parsed.stages) {
    const base = st.baseName.toLowerCase();
    const windows = fromPlatformOS(st.node, opt.targetOS) === 'windows';
    stages.push({ name: st.name, baseName: st.baseName, from: st.node, parent: stages.find((s) => s.name !== '' && s.name === base), commands: st.commands, windows });
  }
  if (stages.length === 0) return fired;
  const finalStage = (opt.target !== undefined ? stages.find((s) => s.name === opt.target?.toLowerCase()) : undefined) ?? stages[stages.length - 1];
  const finalChain = new Set<Stage>();
  for (let s: Stage | undefined = finalStage; s !== undefined && !finalChain.has(s); s = s.parent) finalChain.add(s);
  // A FROM names a stage only among the stages before it (BuildKit's addState):
  // `FROM gcc AS gcc` is the image gcc.
  const earlierNames = new Set<string>();

  for (const stage of stages) {
    const from = stage.from;
    checkBaseImage(stage, earlierNames, globalArgs, (rule, detail, ranges, code) => report(from, rule, detail, ranges, undefined, code));
    if (stage.name !== '') earlierNames.add(stage.name);

    const declared = new Set<string>();
    const env = new Set<string>(inheritedEnv(stage));
    let shell = inheritedShell(stage);
    let prevRun: InstructionNode | undefined;
    for (const cmd of stage.commands) {
      const n = cmd.node;
      const warn = (rule: R.PackRule<unknown[]>, detail: string, ranges: LineRange[], fix?: PackFix, code?: string): void => report(n, rule, detail, ranges, fix, code);
      switch (cmd.kind) {
        case 'arg':
          for (const d of cmd.args) declared.add(d.key);
          break;
        case 'env':
          for (const e of cmd.env) env.add(e.key);
          break;
        case 'shell':
          shell = cmd.shell;
          break;
        case 'run': {
          let commands = 0;
          for (const src of runScripts(n, sourceOf(n))) {
            const script = parseScript(src.text, opt.budget);
            try {
              commands += checkRun(n, src, script, { shell, finalChain: finalChain.has(stage), env, warn });
              checkGlobalArgs(n, src, script, globalArgs, declared, env, warn);
            } finally {
              script.dispose();
            }
          }
          // Like hadolint: RUNs that chain several commands were most
          // likely kept apart on purpose.
          const single = !n.json && n.heredocs.length === 0 && commands <= 1;
          if (prevRun !== undefined && single && sameList(prevRun.flags, n.flags)) {
            warn(R.ConsecutiveRunInstructions as R.PackRule<unknown[]>, R.ConsecutiveRunInstructions.format(), lineRanges(n.startLine, n.endLine));
          }
          prevRun = single ? n : undefined;
          continue;
        }
        case 'cmd':
        case 'entrypoint':
          if (!n.json && n.args.length === 1) {
            const src = sourceOf(n).shellForm(n, n.args[0]);
            if (src !== undefined) {
              const script = parseScript(src.text, opt.budget);
              try {
                checkGlobalArgs(n, src, script, globalArgs, declared, env, warn);
              } finally {
                script.dispose();
              }
            }
          }
          break;
      }
      prevRun = undefined;
    }
  }

  // The final stage's last USER (also one it inherits from its parent stages).
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = finalStage; s !== undefined && !seen.has(s); s = s.parent) {
    seen.add(s);
    const user = [...s.commands].reverse().find((c): c is UserCommand => c.kind === 'user');
    if (user === undefined) continue;
    const name = user.user.split(':')[0];
    if (name === 'root' || name === '0') report(user.node, R.FinalUserRoot as R.PackRule<unknown[]>, R.FinalUserRoot.format(user.user), lineRanges(user.location.start, user.location.end));
    break;
  }
  return fired;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function inheritedEnv(stage: Stage): string[] {
  const out: string[] = [];
  const seen = new Set<Stage>([stage]);
  for (let s = stage.parent; s !== undefined && !seen.has(s); s = s.parent) {
    seen.add(s);
    for (const c of s.commands) if (c.kind === 'env') for (const e of c.env) out.push(e.key);
  }
  return out;
}

function inheritedShell(stage: Stage): string[] {
  const seen = new Set<Stage>([stage]);
  let root = stage;
  for (let s = stage.parent; s !== undefined && !seen.has(s); s = s.parent) {
    seen.add(s);
    root = s;
    const sh = [...s.commands].reverse().find((c): c is ShellCommand => c.kind === 'shell');
    if (sh !== undefined) return sh.shell;
  }
  // BuildKit's default shell, by the platform of the image the chain starts from.
  return root.windows ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

/** The shell scripts of a shell-form RUN: its command line, or the heredoc it runs. */
function runScripts(n: InstructionNode, source: DockerfileSource): ScriptSource[] {
  if (n.json || n.args.length !== 1) return [];
  if (n.heredocs.length > 0 && /^[0-9]*<<-?\s*["']?[A-Za-z0-9_.-]+["']?$/.test(n.args[0].trim())) {
    const body = n.heredocs[0].content;
    if (body.startsWith('#!') && !/^#!\s*\S*\/(env\s+)?(sh|bash|dash|ash)\b/.test(body)) return [];
    return [source.heredoc(n, 0)];
  }
  const src = source.shellForm(n, n.args[0]);
  return src === undefined ? [] : [src];
}

interface RunContext {
  shell: readonly string[];
  finalChain: boolean;
  env: ReadonlySet<string>;
  warn: (rule: R.PackRule<unknown[]>, detail: string, ranges: LineRange[], fix?: PackFix, code?: string) => void;
}

interface Mount {
  type: string;
  target: string;
}

/** The path without its trailing slashes (a loop: /\/+$/ backtracks, quadratic in a long run of slashes). */
function trimTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 0x2f) end--;
  return p.slice(0, end);
}

function mounts(n: InstructionNode): Mount[] {
  const out: Mount[] = [];
  for (const f of n.flags) {
    const m = /^--mount=(.*)$/.exec(f);
    if (m === null) continue;
    const mount: Mount = { type: 'bind', target: '' };
    for (const field of m[1].split(',')) {
      const eq = field.indexOf('=');
      const k = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
      const v = eq < 0 ? '' : field.slice(eq + 1).trim();
      if (k === 'type') mount.type = v;
      else if (k === 'target' || k === 'dst' || k === 'destination') mount.target = trimTrailingSlashes(v);
    }
    out.push(mount);
  }
  return out;
}

function cachedAt(n: InstructionNode, paths: readonly string[]): boolean {
  return mounts(n).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && paths.some((p) => m.target === p || p.startsWith(m.target + '/')));
}

/** The subcommand of a package manager's command line: its first word that is neither an option nor an option's value. */
function subcommand(c: SimpleCommand, takesValue: ReadonlySet<string>): { word: string; index: number } | undefined {
  for (let i = 0; i < c.args.length; i++) {
    const w = c.args[i].literal;
    if (w === undefined) return undefined;
    if (!w.startsWith('-')) return { word: w, index: i };
    if (takesValue.has(w)) i++;
  }
  return undefined;
}

function hasOption(c: SimpleCommand, ...names: string[]): boolean {
  return c.args.some((a) => a.literal !== undefined && names.some((n) => a.literal === n || a.literal?.startsWith(n + '=')));
}

/** pip, pip3, pip3.12, and `python -m pip`, as a command whose args start after `pip`. */
function asPip(c: SimpleCommand): SimpleCommand | undefined {
  if (/^pip[0-9.]*$/.test(c.name)) return c;
  if (/^python[0-9.]*$/.test(c.name) && c.args[0]?.literal === '-m' && c.args[1]?.literal === 'pip') return { ...c, name: 'pip', nameWord: c.args[1], args: c.args.slice(2) };
  return undefined;
}

/** hadolint's code for an unpinned package, by package manager. */
const UNPINNED_CODES: Record<string, string> = { 'apt-get': 'DL3008', apk: 'DL3018', pip: 'DL3013', npm: 'DL3016', gem: 'DL3028' };

/** Options of each package manager that take a value (the value is not a package). */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  'apt-get': new Set(['-o', '-t', '--target-release', '-c', '--config-file']),
  apk: new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
  pip: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--no-binary', '--only-binary', '--config-settings', '-C', '--global-option', '--report']),
  npm: new Set(['--prefix', '--registry', '--cache', '--tag', '-w', '--workspace', '--userconfig']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '-g', '--file']),
};

/** The package words of an install command (after the subcommand, options and their values skipped). */
function packageWords(c: SimpleCommand, manager: string, from: number): { text: string; literal: string }[] {
  const out: { text: string; literal: string }[] = [];
  const takesValue = VALUE_OPTIONS[manager];
  for (let i = from; i < c.args.length; i++) {
    const w = c.args[i].literal;
    if (w === undefined) continue;
    if (w.startsWith('-')) {
      if (takesValue.has(w)) i++;
      continue;
    }
    out.push({ text: c.args[i].text, literal: w });
  }
  return out;
}

function unpinned(manager: string, pkg: string): boolean {
  switch (manager) {
    case 'apt-get':
      return !pkg.includes('=') && !pkg.includes('/') && !pkg.endsWith('.deb');
    case 'apk':
      return !/[=~<>]/.test(pkg) && !pkg.endsWith('.apk') && !pkg.includes('/');
    case 'pip':
      return !/(==|>=|<=|~=|!=|<|>|@)/.test(pkg) && !pkg.includes('/') && pkg !== '.' && !/\.(whl|tar\.gz|zip)$/.test(pkg);
    case 'npm':
      return !pkg.slice(1).includes('@') && !/^[./~]/.test(pkg) && !pkg.includes(':') && !pkg.endsWith('.tgz') && !/^[^@][^/]*\/[^/]+$/.test(pkg);
    case 'gem':
      return !pkg.includes(':');
  }
  return false;
}

/**
 * An edit inserting ` text` right after a word of the script, on the word's
 * own line (a word that ends a continued line gets it before the escape, not
 * at the start of the next line).
 */
function insertAfter(src: ScriptSource, endIndex: number, text: string): Edit {
  const last = src.at(endIndex - 1);
  const column = last.column + 1;
  return { line: last.line, column, endLine: last.line, endColumn: column, text: ' ' + text };
}

/** The checks on a RUN's script; returns how many commands it runs. */
function checkRun(n: InstructionNode, src: ScriptSource, script: Script, ctx: RunContext): number {
  const commands = simpleCommands(script);
  const warn = ctx.warn;
  const rangeOf = (c: SimpleCommand): LineRange[] => spanRanges(src, c.start, c.end);
  const text = script.text;

  // Pipes without pipefail, under a POSIX shell.
  const shellName = (ctx.shell[0] ?? '').split('/').pop() ?? '';
  if (POSIX_SHELLS.has(shellName) && !ctx.shell.some((a) => a.includes('pipefail'))) {
    const pipes = pipelines(script);
    if (pipes.length > 0) {
      const firstPipe = pipes[0].start;
      const setsPipefail = commands.some((c) => c.name === 'set' && c.start < firstPipe && c.args.some((a) => a.literal === 'pipefail' || (a.literal ?? '').includes('pipefail')));
      if (!setsPipefail) warn(R.PipefailMissing as R.PackRule<unknown[]>, R.PipefailMissing.format(), spanRanges(src, pipes[0].start, pipes[0].end));
    }
  }

  let updatesLists = false;
  let removesLists = false;
  for (const c of commands) {
    const pip = asPip(c);
    const manager = pip !== undefined ? 'pip' : c.name;
    const cmd = pip ?? c;
    // `apt` (apt-get's interactive front end, common in Dockerfiles all the same) reads its subcommand as apt-get does.
    const options = VALUE_OPTIONS[manager === 'apt' || manager === 'aptitude' ? 'apt-get' : manager];
    const sub = options !== undefined ? subcommand(cmd, options) : undefined;
    if (c.name === 'cd') {
      const dir = c.args[0]?.text ?? '';
      warn(R.CdInsteadOfWorkdir as R.PackRule<unknown[]>, R.CdInsteadOfWorkdir.format(dir), rangeOf(c));
    }
    if (c.name === 'rm' && c.args.some((a) => (a.literal ?? a.text).startsWith('/var/lib/apt/lists'))) removesLists = true;
    if (sub === undefined) continue;
    const subWord = cmd.args[sub.index];
    const install =
      (manager === 'apt-get' && sub.word === 'install') ||
      (manager === 'apk' && sub.word === 'add') ||
      (manager === 'pip' && sub.word === 'install') ||
      (manager === 'npm' && (sub.word === 'install' || sub.word === 'i' || sub.word === 'add')) ||
      (manager === 'gem' && sub.word === 'install');
    if (manager === 'apt-get' || manager === 'apt' || manager === 'aptitude') {
      // `update` writes the lists (an `install` alone reads the ones an earlier layer left: removing them here would not make that layer smaller), as hadolint's DL3009 reads it.
      if (sub.word === 'update') updatesLists = true;
      // dist-clean (apt 2.7 and later, also written distclean) removes the lists as `rm -rf /var/lib/apt/lists/*` does.
      if (sub.word === 'dist-clean' || sub.word === 'distclean') removesLists = true;
    }
    if (!install) continue;
    const packages = packageWords(cmd, manager, sub.index + 1);
    const loose = packages.filter((p) => unpinned(manager, p.literal));
    const gemVersioned = manager === 'gem' && hasOption(cmd, '-v', '--version');
    if (loose.length > 0 && !gemVersioned) {
      warn(R.PackageVersionUnpinned as R.PackRule<unknown[]>, R.PackageVersionUnpinned.format(`${manager} ${sub.word}`, loose.map((p) => p.literal)), rangeOf(c), undefined, UNPINNED_CODES[manager]);
    }
    if (manager === 'apt-get' && !hasOption(cmd, '--no-install-recommends') && !cmd.args.some((a) => /APT::Install-Recommends=(false|0)/i.test(a.literal ?? ''))) {
      warn(R.AptGetNoInstallRecommends as R.PackRule<unknown[]>, R.AptGetNoInstallRecommends.format(), rangeOf(c), {
        description: "add '--no-install-recommends'",
        edits: [insertAfter(src, subWord.end, '--no-install-recommends')],
      });
    }
    if (manager === 'apk' && !hasOption(cmd, '--no-cache') && !cachedAt(n, ['/var/cache/apk', '/etc/apk/cache'])) {
      warn(R.ApkAddNoCache as R.PackRule<unknown[]>, R.ApkAddNoCache.format(), rangeOf(c), {
        description: "add '--no-cache'",
        edits: [insertAfter(src, subWord.end, '--no-cache')],
      });
    }
    if (
      manager === 'pip' &&
      !hasOption(cmd, '--no-cache-dir') &&
      !ctx.env.has('PIP_NO_CACHE_DIR') &&
      !/\bPIP_NO_CACHE_DIR=/.test(text) &&
      !mounts(n).some((m) => m.type === 'cache' && /(^|\/)\.cache(\/pip)?$|^\/root$/.test(m.target))
    ) {
      warn(R.PipNoCacheDir as R.PackRule<unknown[]>, R.PipNoCacheDir.format(), rangeOf(c), {
        description: "add '--no-cache-dir'",
        edits: [insertAfter(src, subWord.end, '--no-cache-dir')],
      });
    }
  }
  if (updatesLists && ctx.finalChain && !removesLists && !cachedAt(n, ['/var/lib/apt/lists', '/var/lib/apt'])) {
    warn(R.AptGetListsNotRemoved as R.PackRule<unknown[]>, R.AptGetListsNotRemoved.format(), lineRanges(n.startLine, n.endLine));
  }
  // Like hadolint's count (its presentCommands): commands whose name is a
  // literal word, so `$x = 1` (PowerShell's assignment, read as sh) is none.
  return commands.filter((c) => c.nameWord !== null && c.name !== '').length;
}

const PREDEFINED = /^(HTTPS?_PROXY|FTP_PROXY|NO_PROXY|ALL_PROXY|https?_proxy|ftp_proxy|no_proxy|all_proxy)$/;

function checkGlobalArgs(
  n: InstructionNode,
  src: ScriptSource,
  script: Script,
  globalArgs: ReadonlyMap<string, string | undefined>,
  declared: ReadonlySet<string>,
  env: ReadonlySet<string>,
  warn: RunContext['warn'],
): void {
  if (globalArgs.size === 0) return;
  const seen = new Set<string>();
  let assigned: Set<string> | undefined;
  for (const e of expansions(script)) {
    if (!globalArgs.has(e.name) || declared.has(e.name) || env.has(e.name) || PREDEFINED.test(e.name) || seen.has(e.name)) continue;
    assigned ??= assignedNames(script);
    if (assigned.has(e.name)) continue;
    seen.add(e.name);
    warn(R.GlobalArgNotInScope as R.PackRule<unknown[]>, R.GlobalArgNotInScope.format(e.name, n.keyword.toUpperCase()), spanRanges(src, e.start, e.end));
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const MODIFIER = /:?[-+]/y;

/**
 * Replaces `${NAME}`, `${NAME:-x}` (`-`, `+`, with or without `:`) and
 * `$NAME` by what `value` gives (the modifier as written, or undefined), as
 * /\$\{(NAME)(:?[-+][^}]*)?\}|\$(NAME)/g would, in one pass: the closing
 * brace is looked for once per brace, not once per `${` (the expression
 * backtracked, quadratic in a word of many `${A+` and no `}`).
 */
export function substituteArgs(raw: string, value: (name: string, mod: string | undefined) => string): string {
  let out = '';
  let copied = 0;
  let close = -2; // the next '}' at or after the cursor; -1: none; -2: not looked for
  for (let i = raw.indexOf('$'); i >= 0; i = raw.indexOf('$', i)) {
    let end = -1;
    let name = '';
    let mod: string | undefined;
    if (raw[i + 1] === '{') {
      NAME.lastIndex = i + 2;
      const nm = NAME.exec(raw);
      if (nm !== null) {
        let j = NAME.lastIndex;
        MODIFIER.lastIndex = j;
        const md = MODIFIER.exec(raw);
        if (md !== null) {
          if (close !== -1 && close < j) close = raw.indexOf('}', j);
          if (close >= 0) {
            mod = raw.slice(j, close);
            j = close;
          }
        }
        if ((md === null || mod !== undefined) && raw[j] === '}') {
          name = nm[0];
          end = j + 1;
        }
      }
    } else {
      NAME.lastIndex = i + 1;
      const nm = NAME.exec(raw);
      if (nm !== null) {
        name = nm[0];
        end = NAME.lastIndex;
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    out += raw.slice(copied, i) + value(name, mod);
    copied = end;
    i = end;
  }
  return out + raw.slice(copied);
}

function checkBaseImage(
  stage: Stage,
  earlierNames: ReadonlySet<string>,
  globalArgs: ReadonlyMap<string, string | undefined>,
  warn: (rule: R.PackRule<unknown[]>, detail: string, ranges: LineRange[], code: string) => void,
): void {
  const raw = stage.baseName;
  if (raw === '') return;
  // An ARG without a value stands as NUL, so that a tag written after it can still be read.
  let unresolved = false;
  const substituted = substituteArgs(raw, (name, mod) => {
    const v = globalArgs.get(name);
    if (v !== undefined && v !== '') return v;
    if (mod !== undefined && mod.replace(/^:/, '').startsWith('-')) return mod.replace(/^:?-/, '');
    unresolved = true;
    return '\0';
  });
  const lastPart = substituted.slice(substituted.lastIndexOf('/') + 1);
  const ranges = lineRanges(stage.from.startLine, stage.from.endLine);
  if (unresolved) {
    // With an ARG unknown, only a tag written out as `latest` is known (`gcr.io/$PROJECT/builder:latest`,
    // `$IMAGE:latest`), as hadolint reads it; the finding names the image as written.
    const colon = lastPart.lastIndexOf(':');
    if (colon >= 0 && lastPart.slice(colon + 1) === 'latest' && !raw.includes('@')) {
      warn(R.BaseImageUnpinned as R.PackRule<unknown[]>, R.BaseImageUnpinned.format(raw, true), ranges, 'DL3007');
    }
    return;
  }
  if (substituted === '' || substituted.toLowerCase() === 'scratch' || earlierNames.has(substituted.toLowerCase())) return;
  if (substituted.includes('@')) return;
  const colon = lastPart.indexOf(':');
  if (colon < 0) warn(R.BaseImageUnpinned as R.PackRule<unknown[]>, R.BaseImageUnpinned.format(substituted, false), ranges, 'DL3006');
  else if (lastPart.slice(colon + 1) === 'latest') warn(R.BaseImageUnpinned as R.PackRule<unknown[]>, R.BaseImageUnpinned.format(substituted, true), ranges, 'DL3007');
}
