// The import graph of src/: every `import`/`export ... from` and dynamic
// `import()` of a relative module, type-only imports included (a type-level
// loop ties modules together as much as a value-level one).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

export type Graph = Map<string, Set<string>>;

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

// Comments are blanked first, so that an example in a comment is no import;
// strings, template literals and regular expressions are stepped over whole,
// so that `/*` or `//` inside one starts no comment.
function stripComments(text: string): string {
  let out = '';
  let i = 0;
  let prev = ''; // the last significant character of code, to tell a regex from a division
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      out += ' ';
      continue;
    }
    const regex = c === '/' && (prev === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prev));
    if (c === "'" || c === '"' || c === '`' || regex) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const d = text[j]!;
        if (d === '\\') j += 2;
        else if (regex && d === '[') (inClass = true), j++;
        else if (regex && d === ']') (inClass = false), j++;
        else if (d === c && !inClass) break;
        else if (d === '\n' && c !== '`') break;
        else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      prev = c;
      continue;
    }
    out += c;
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return out;
}

const SPECIFIERS = [
  /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*'([^']+)'/g,
  /\bimport\s*'([^']+)'/g,
  /\bimport\s*\(\s*'([^']+)'\s*\)/g,
];

/** The graph over the .ts files under `root` (paths relative to the repository, with `/`). */
export function importGraph(root: string): Graph {
  const g: Graph = new Map();
  for (const file of files(root)) {
    const from = file.split(sep).join('/');
    const deps = new Set<string>();
    const text = stripComments(readFileSync(file, 'utf8'));
    for (const re of SPECIFIERS) {
      for (const m of text.matchAll(re)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) continue;
        const target = normalize(join(dirname(file), spec));
        if (!existsSync(target)) throw new Error(`${from}: import of a missing module ${spec}`);
        deps.add(relative('.', target).split(sep).join('/'));
      }
    }
    g.set(from, deps);
  }
  return g;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
export function cycles(g: Graph): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || g.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}
