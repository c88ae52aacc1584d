// Untidy variants of a Dockerfile for the formatter's property tests: the
// same instructions written the ways people write them (keywords in any
// case, indented, extra blanks after the keyword and between flags, JSON
// with blanks inside, trailing white space, comments between continuation
// lines, runs of blank lines, CRLF line endings). Seeded. Heredoc bodies and
// terminators are never touched.
import { parse } from '../../src/dockerfile/parser/index.ts';
import type { Rng } from '../convert/fuzz/generate.ts';

const KEYWORD = /^(\s*)([A-Za-z]+)([ \t]+)/;

export function messy(text: string, r: Rng): string {
  let tree;
  try {
    tree = parse(text);
  } catch {
    return text;
  }
  const lines = text.split('\n');
  // Lines of heredoc bodies and terminators: the parser's end line of an
  // instruction with heredocs is its last terminator; the body starts after
  // the line holding the last `<<` word (approximated by the start line when
  // the instruction is one line, which the corpus's heredoc instructions are).
  const frozen = new Set<number>();
  for (const n of tree.children) {
    if (n.heredocs.length === 0) continue;
    const headerEnd = n.startLine - 1 + headerLength(lines, n.startLine - 1, tree.escapeToken);
    for (let k = headerEnd; k < n.endLine; k++) frozen.add(k);
  }
  const starts = new Set(tree.children.map((n) => n.startLine - 1));
  const directiveLines = new Set(tree.directives.map((d) => d.location.start - 1));
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (frozen.has(k) || directiveLines.has(k)) {
      out.push(line);
      return;
    }
    let l = line;
    if (starts.has(k)) {
      const m = KEYWORD.exec(l);
      if (m !== null && r.chance(0.6)) {
        const kw = r.pick([m[2].toLowerCase(), m[2].toUpperCase(), m[2][0].toUpperCase() + m[2].slice(1).toLowerCase()]);
        const lead = r.pick(['', '', ' ', '\t', '   ']);
        const gap = r.pick([' ', '  ', '\t', ' \t ']);
        l = lead + kw + gap + l.slice(m[0].length);
      }
      if (r.chance(0.3)) l = l.replace(/^(\S+\s+(?:--\S+\s+)*?--\S+) /, '$1   ');
      if (r.chance(0.5)) l = l.replace(/\["/, '[ "').replace(/"\]\s*$/, '" ]').replace(/", "/g, '" ,"');
    }
    if (r.chance(0.2)) l += r.pick([' ', '\t', '   ']);
    out.push(l);
    // A comment between continuation lines.
    if (!frozen.has(k) && /\\\s*$/.test(line) && r.chance(0.3)) out.push(r.pick(['# between lines', '    # indented comment  ', '#']));
    if (k + 1 < lines.length && starts.has(k + 1) && r.chance(0.15)) out.push(...Array.from({ length: 1 + r.int(3) }, () => r.pick(['', '  '])));
  });
  let result = out.join('\n');
  if (r.chance(0.1)) result = result.replace(/\n/g, '\r\n');
  return result;
}

function headerLength(lines: string[], s: number, esc: string): number {
  let k = s;
  const continues = (l: string): boolean => {
    const t = l.replace(/[ \t\r]+$/, '');
    return t.endsWith(esc) && !t.endsWith(esc + esc);
  };
  while (k < lines.length && continues(lines[k])) {
    k++;
    while (k < lines.length && (/^\s*#/.test(lines[k]) || /^\s*$/.test(lines[k]))) k++;
  }
  return k - s + 1;
}
