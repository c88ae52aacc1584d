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
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

function wasmFile(name: string, pkgPath: string): string {
  const beside = fileURLToPath(new URL('./' + name, import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve(pkgPath);
}

/** Loads the parser (once; later calls return at once). */
export function loadShellParser(): Promise<void> {
  loading ??= (async () => {
    const runtime = wasmFile('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const bash = await Language.load(wasmFile('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm'));
    const p = new Parser();
    p.setLanguage(bash);
    parser = p;
  })();
  return loading;
}

/** A parsed script; call `dispose` when done (the tree lives in WebAssembly memory). */
export interface Script {
  text: string;
  tree: Tree;
  dispose(): void;
  /** The nodes of the kinds the rules look at, by kind, in source order (one walk, made on first use). */
  nodes(kind: WantedKind): Node[];
}

const WANTED = ['command', 'pipeline', 'simple_expansion', 'expansion', 'variable_assignment', 'for_statement'] as const;
type WantedKind = (typeof WANTED)[number];
const WANTED_SET: ReadonlySet<string> = new Set(WANTED);

export function parseScript(text: string): Script {
  if (parser === undefined) throw new Error('the shell parser is not loaded (call loadShellParser first)');
  const tree = parser.parse(text);
  if (tree === null) throw new Error('the shell parser gave no tree');
  let byKind: Map<string, Node[]> | undefined;
  return {
    text,
    tree,
    dispose: () => tree.delete(),
    nodes(kind) {
      byKind ??= walk(tree);
      return byKind.get(kind) ?? [];
    },
  };
}

/** Collects the wanted nodes with one cursor walk (far fewer calls into WebAssembly than a search per kind). */
function walk(tree: Tree): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (WANTED_SET.has(type)) {
        let list = out.get(type);
        if (list === undefined) out.set(type, (list = []));
        list.push(cursor.currentNode);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return out;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** One simple command: its name and arguments as the shell would see them (when literal). */
export interface SimpleCommand {
  node: Node;
  /** The command name with wrappers (sudo, env, exec, command) skipped; '' when not literal. */
  name: string;
  /** The name's node (for positions). */
  nameNode: Node | null;
  /** The arguments after the name, literal text where the word is literal (else its source text). */
  args: Word[];
}

export interface Word {
  node: Node;
  /** The word's value with quotes removed, or undefined when it expands something. */
  literal: string | undefined;
  text: string;
}

const WRAPPERS: ReadonlySet<string> = new Set(['sudo', 'exec', 'command', 'nice', 'nohup', 'time']);

function wordOf(node: Node): Word {
  return { node, literal: literalValue(node), text: node.text };
}

/** The value of a word that expands nothing; undefined otherwise. */
export function literalValue(node: Node): string | undefined {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text.includes('\\') ? node.text.replace(/\\(.)/g, '$1') : node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      if (node.namedChildren.some((c) => c !== null && c.type !== 'string_content')) return undefined;
      return node.text.slice(1, -1);
    case 'concatenation': {
      let out = '';
      for (const c of node.namedChildren) {
        const v = c === null ? undefined : literalValue(c);
        if (v === undefined) return undefined;
        out += v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function baseName(s: string): string {
  const i = s.lastIndexOf('/');
  return i < 0 ? s : s.slice(i + 1);
}

const commandsOf = new WeakMap<Script, SimpleCommand[]>();

/** Every simple command of a script, in source order. */
export function simpleCommands(script: Script): SimpleCommand[] {
  const known = commandsOf.get(script);
  if (known !== undefined) return known;
  const out: SimpleCommand[] = [];
  commandsOf.set(script, out);
  for (const node of script.nodes('command')) {
    const nameNode = node.childForFieldName('name');
    const words: Word[] = [];
    if (nameNode !== null) words.push(wordOf(nameNode.namedChildren[0] ?? nameNode));
    for (const a of node.childrenForFieldName('argument')) if (a !== null) words.push(wordOf(a));
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
    out.push({
      node,
      name: head?.literal === undefined ? '' : baseName(head.literal),
      nameNode: head?.node ?? null,
      args: words.slice(k + 1),
    });
  }
  return out;
}

/** Names the script reads with `$NAME` or `${NAME…}`, with the node of each use. */
export function expansions(script: Script): { name: string; node: Node }[] {
  const out: { name: string; node: Node }[] = [];
  const nodes = [...script.nodes('simple_expansion'), ...script.nodes('expansion')].sort((a, b) => a.startIndex - b.startIndex);
  for (const node of nodes) {
    const v = node.namedChildren.find((c) => c !== null && c.type === 'variable_name');
    if (v) out.push({ name: v.text, node });
  }
  return out;
}

/** Names the script itself assigns (NAME=…, export/read/local NAME, for NAME in). */
export function assignedNames(script: Script): Set<string> {
  const out = new Set<string>();
  for (const node of [...script.nodes('variable_assignment'), ...script.nodes('for_statement')]) {
    const v = node.childForFieldName('name') ?? node.childForFieldName('variable');
    if (v !== null) out.add(v.text);
  }
  for (const c of simpleCommands(script)) {
    if (c.name === 'read' || c.name === 'export' || c.name === 'local' || c.name === 'declare' || c.name === 'typeset') {
      for (const a of c.args) if (a.literal !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a.literal)) out.add(a.literal);
    }
  }
  return out;
}

/** Pipelines (`a | b`) of a script. */
export function pipelines(script: Script): Node[] {
  return script.nodes('pipeline');
}
