// The shell inside RUN, CMD and ENTRYPOINT, read with tree-sitter's bash
// grammar (web-tree-sitter + tree-sitter-bash, both WebAssembly). Loading is
// asynchronous and done once per process; parsing is then synchronous and
// never fails: a script with a syntax error still gives a tree (with ERROR
// nodes), so a rule can look at the commands around the mistake, as a linter
// must (BuildKit never parses the shell).
//
// The .wasm files are looked for beside this module (the bundle: scripts/
// build.mjs copies them into dist/) and else in node_modules.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let query: Query | undefined;
let loading: Promise<void> | undefined;

function wasmFile(name: string, pkgPath: string): string {
  const beside = fileURLToPath(new URL('./' + name, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(pkgPath);
}

// Everything the rules read, captured in one call per script (walking the
// tree node by node costs a call into WebAssembly per step).
const CAPTURES = `
(command) @command
(command name: (command_name) @name)
(command argument: (_) @arg)
(pipeline) @pipeline
(simple_expansion (variable_name) @var)
(expansion (variable_name) @var)
(variable_assignment name: (variable_name) @assigned)
(for_statement variable: (variable_name) @assigned)
`;

/** Loads the parser (once; later calls return at once). */
export function loadShellParser(): Promise<void> {
  loading ??= (async () => {
    const runtime = wasmFile('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const bash = await Language.load(wasmFile('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    query = new Query(bash, CAPTURES);
    parser = p;
  })();
  return loading;
}

/** A stretch of the script: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export interface Word extends Span {
  /** The word's value with quotes removed, or undefined when it expands something. */
  literal: string | undefined;
  text: string;
}

/** One simple command: its name and arguments as the shell would see them (when literal). */
export interface SimpleCommand extends Span {
  /** The command name with wrappers (sudo, env, exec, command) skipped; '' when not literal. */
  name: string;
  /** The name's word; null for a command that is only assignments or redirections. */
  nameWord: Word | null;
  /** The arguments after the name. */
  args: Word[];
}

interface Facts {
  commands: SimpleCommand[];
  pipelines: Span[];
  expansions: (Span & { name: string })[];
  assigned: Set<string>;
}

/**
 * A parsed script; call `dispose` when done (the tree lives in WebAssembly
 * memory). `tree` is undefined when the budget ran out before the parse
 * ended: such a script has no facts.
 */
export interface Script {
  text: string;
  tree: Tree | undefined;
  dispose(): void;
  /** Simple commands, pipelines, `$NAME` uses and assigned names, read on first use. */
  facts(): Facts;
}

/** Wall time the parser may spend on one script, and on all the scripts of one Dockerfile. */
export const SCRIPT_BUDGET_MS = 500;
export const DOCKERFILE_BUDGET_MS = 2000;

/**
 * How long tree-sitter may parse. Its error recovery is quadratic on some
 * malformed shell (60 KB of `${===...` took it 30 s; legitimate scripts of
 * 150 KB parse in ~130 ms), so a parse past its script's share or the
 * Dockerfile's whole budget is cancelled and the script left unread: the
 * pack's rules see no commands in it, and the count is reported. Only shell
 * that takes tree-sitter that long depends on the machine's speed.
 */
export class ShellBudget {
  private readonly end: number;
  /** Scripts left unread. */
  skipped = 0;
  constructor(totalMs = DOCKERFILE_BUDGET_MS) {
    this.end = performance.now() + totalMs;
  }
  deadline(): number {
    return Math.min(this.end, performance.now() + SCRIPT_BUDGET_MS);
  }
}

const NO_FACTS: Facts = { commands: [], pipelines: [], expansions: [], assigned: new Set() };

export function parseScript(text: string, budget?: ShellBudget): Script {
  if (parser === undefined || query === undefined) throw new Error('the shell parser is not loaded (call loadShellParser first)');
  let tree: Tree | null;
  if (budget === undefined) {
    tree = parser.parse(text);
    if (tree === null) throw new Error('the shell parser gave no tree');
  } else {
    const deadline = budget.deadline();
    // Returning true cancels the parse (the declarations say void).
    tree = parser.parse(text, null, { progressCallback: (() => performance.now() > deadline) as () => void });
    if (tree === null) {
      // A cancelled parse is resumed by the next call unless reset.
      parser.reset();
      budget.skipped++;
      return { text, tree: undefined, dispose: () => undefined, facts: () => NO_FACTS };
    }
  }
  const t = tree;
  let facts: Facts | undefined;
  return {
    text,
    tree: t,
    dispose: () => t.delete(),
    facts: () => (facts ??= readFacts(text, t)),
  };
}

const WRAPPERS: ReadonlySet<string> = new Set(['sudo', 'exec', 'command', 'nice', 'nohup', 'time']);

function readFacts(text: string, tree: Tree): Facts {
  const caps = (query as Query).captures(tree.rootNode).map((c) => ({ kind: c.name, start: c.node.startIndex, end: c.node.endIndex }));
  // Outer before inner; a command before its own name (they may coincide).
  caps.sort((a, b) => a.start - b.start || b.end - a.end || Number(b.kind === 'command') - Number(a.kind === 'command'));
  const facts: Facts = { commands: [], pipelines: [], expansions: [], assigned: new Set() };
  const open: { span: Span; words: Word[]; named: boolean }[] = [];
  const raw: { span: Span; words: Word[]; named: boolean }[] = [];
  for (const c of caps) {
    while (open.length > 0 && open[open.length - 1].span.end <= c.start) open.pop();
    const t = text.slice(c.start, c.end);
    switch (c.kind) {
      case 'command': {
        const cmd = { span: { start: c.start, end: c.end }, words: [], named: false };
        raw.push(cmd);
        open.push(cmd);
        break;
      }
      case 'name':
      case 'arg': {
        const owner = open[open.length - 1];
        if (owner === undefined) break;
        owner.words.push({ start: c.start, end: c.end, text: t, literal: unquote(t) });
        if (c.kind === 'name') owner.named = true;
        break;
      }
      case 'pipeline':
        facts.pipelines.push({ start: c.start, end: c.end });
        break;
      case 'var':
        facts.expansions.push({ name: t, start: c.start, end: c.end });
        break;
      case 'assigned':
        facts.assigned.add(t);
        break;
    }
  }
  for (const r of raw) {
    const words = r.named ? r.words : [];
    // Wrappers run the next word as the command.
    let k = 0;
    while (k < words.length) {
      const w = words[k].literal;
      if (w === undefined) break;
      const b = baseName(w);
      if (WRAPPERS.has(b)) k++;
      else if (b === 'env') {
        k++;
        while (k < words.length && (words[k].literal?.includes('=') || words[k].literal?.startsWith('-'))) k++;
      } else break;
    }
    const head = words[k];
    facts.commands.push({ ...r.span, name: head?.literal === undefined ? '' : baseName(head.literal), nameWord: head ?? null, args: words.slice(k + 1) });
    const c = facts.commands[facts.commands.length - 1];
    if (['read', 'export', 'local', 'declare', 'typeset'].includes(c.name)) {
      for (const a of c.args) if (a.literal !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a.literal)) facts.assigned.add(a.literal);
    }
  }
  return facts;
}

/**
 * A shell word's value after quote removal (POSIX: single quotes keep
 * everything, double quotes and backslashes escape), or undefined when it
 * expands something ($, backtick) or is not a plain word.
 */
export function unquote(word: string): string | undefined {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === "'") {
      const j = word.indexOf("'", i + 1);
      if (j < 0) return undefined;
      out += word.slice(i + 1, j);
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < word.length && word[j] !== '"'; j++) {
        const d = word[j];
        if (d === '$' || d === '`') return undefined;
        if (d === '\\' && j + 1 < word.length && '$`"\\\n'.includes(word[j + 1])) {
          j++;
          out += word[j];
        } else out += d;
      }
      if (j >= word.length) return undefined;
      i = j;
    } else if (c === '\\') {
      if (i + 1 < word.length) out += word[++i];
    } else if (c === '$' || c === '`' || c === '(' || c === ')' || c === '<' || c === '>') {
      return undefined;
    } else out += c;
  }
  return out;
}

function baseName(s: string): string {
  const i = s.lastIndexOf('/');
  return i < 0 ? s : s.slice(i + 1);
}

/** Every simple command of a script, in source order. */
export function simpleCommands(script: Script): SimpleCommand[] {
  return script.facts().commands;
}

/** Names the script reads with `$NAME` or `${NAME…}`, with where each use is. */
export function expansions(script: Script): (Span & { name: string })[] {
  return script.facts().expansions;
}

/** Names the script itself assigns (NAME=…, export/read/local NAME, for NAME in). */
export function assignedNames(script: Script): Set<string> {
  return script.facts().assigned;
}

/** Pipelines (`a | b`) of a script. */
export function pipelines(script: Script): Span[] {
  return script.facts().pipelines;
}
