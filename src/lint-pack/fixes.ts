// Safe automatic fixes (`lint --fix`, and SARIF's `fixes`): for upstream's
// FromAsCasing (the `as` keyword in the `from` keyword's case),
// MaintainerDeprecated (MAINTAINER -> LABEL org.opencontainers.image.authors)
// and JSONArgsRecommended (when the command is plain words: no expansion,
// quoting, globbing, redirection or operator, and the first word no shell
// builtin, so the exec form runs the same program with the same arguments;
// not where the stage and those it shares its config with have both CMD and
// ENTRYPOINT, nor in a file built for Windows), and the pack's own (added
// flags). A fix is a list of edits of the file's text; none is offered where
// the change would not be certain to keep the meaning.

import type { InstructionNode } from '../dockerfile/parser/index.ts';
import { decodeRune, runeWidth, toByteString } from '../dockerfile/parser/bytes.ts';
import { MAX_LINE_BYTES } from '../dockerfile/parser/lines.ts';
import { parseScript, type ShellBudget } from './shell.ts';
import type { DockerfileSource } from './source.ts';

/** Replace the text from (line, column) up to (endLine, endColumn), exclusive; 1-based, UTF-16 columns. */
export interface Edit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface Fix {
  description: string;
  edits: Edit[];
}

/** What JSONArgsRecommended's fix needs to know of the rest of the Dockerfile. */
export interface CommandContext {
  /** The instruction's stage, the stages it is built on, or those built on it have a CMD, an ENTRYPOINT. */
  cmd: boolean;
  entrypoint: boolean;
  /** It is built for Windows (the target platform, or a FROM --platform naming it). */
  windows: boolean;
}

/**
 * The fix for a finding of one of upstream's rules at `node`, if it has a
 * safe one. `has`: whether the stages the instruction's image config is
 * shared with have a CMD and an ENTRYPOINT (the container's command line is
 * the ENTRYPOINT's words and then CMD's: with both, one of them in exec form
 * would change what the other is given), and whether the file is built for
 * Windows.
 */
export function upstreamFix(
  ruleName: string,
  node: InstructionNode,
  source: DockerfileSource,
  budget?: ShellBudget,
  has: CommandContext = { cmd: false, entrypoint: false, windows: false },
): Fix | undefined {
  const header = source.header(node);
  if (header.length !== 1 || node.heredocs.length > 0) return undefined;
  const lineNo = node.startLine;
  const line = source.decoded[lineNo - 1];
  const column = line.length - line.trimStart().length;
  const replace = (from: number, to: number, text: string, description: string): Fix => ({
    description,
    edits: [{ line: lineNo, column: from + 1, endLine: lineNo, endColumn: to + 1, text }],
  });
  switch (ruleName) {
    case 'FromAsCasing': {
      const m = /^(\S+[ \t]+(?:--\S+[ \t]+)*\S+[ \t]+)(as)([ \t]+\S)/i.exec(line.slice(column));
      if (m === null) return undefined;
      const upper = node.rawKeyword === node.rawKeyword.toUpperCase();
      const at = column + m[1].length;
      return replace(at, at + 2, upper ? 'AS' : 'as', `write '${upper ? 'AS' : 'as'}' like '${node.rawKeyword}'`);
    }
    case 'MaintainerDeprecated': {
      const value = node.args[0] ?? '';
      if (/["\\$`]/.test(value) || value === '') return undefined;
      return replace(column, line.trimEnd().length, `LABEL org.opencontainers.image.authors="${value}"`, 'replace MAINTAINER with the org.opencontainers.image.authors label');
    }
    case 'JSONArgsRecommended': {
      if (node.json || node.args.length !== 1 || node.flags.length > 0) return undefined;
      // `sh -c 'app' CMD...` drops CMD's words, `app CMD...` would take them as arguments;
      // `app sh -c 'serve x'` would become `app serve x`.
      if ((node.keyword === 'entrypoint' && has.cmd) || (node.keyword === 'cmd' && has.entrypoint)) return undefined;
      // Windows' shell form runs `cmd /S /C`, whose commands (echo, dir, copy...) are no programs.
      if (has.windows) return undefined;
      const words = plainWords(node.args[0], budget);
      if (words === undefined) return undefined;
      const src = source.shellForm(node, node.args[0]);
      if (src === undefined) return undefined;
      const start = src.at(0);
      const json = '[' + words.map((w) => JSON.stringify(w)).join(', ') + ']';
      return { description: `write ${node.keyword.toUpperCase()} in JSON (exec) form`, edits: [{ line: start.line, column: start.column, endLine: start.line, endColumn: start.column + src.text.length, text: json }] };
    }
  }
  return undefined;
}

/**
 * Commands that are the shell's own (POSIX special and regular builtins, and
 * bash's): run by the shell form, but no file the exec form could run.
 */
const SHELL_ONLY: ReadonlySet<string> = new Set([
  '.', ':', 'alias', 'bg', 'break', 'builtin', 'caller', 'cd', 'command', 'compgen', 'complete', 'continue', 'declare', 'dirs', 'disown', 'enable',
  'eval', 'exec', 'exit', 'export', 'fc', 'fg', 'getopts', 'hash', 'history', 'jobs', 'let', 'local', 'logout', 'mapfile', 'popd', 'pushd',
  'read', 'readarray', 'readonly', 'return', 'set', 'shift', 'shopt', 'source', 'suspend', 'times', 'trap', 'type', 'typeset', 'ulimit',
  'umask', 'unalias', 'unset', 'wait',
]);

/** The words of a command that is nothing but plain words (the first no shell builtin), or undefined. */
function plainWords(text: string, budget: ShellBudget | undefined): string[] | undefined {
  const script = parseScript(text, budget);
  try {
    if (script.tree === undefined) return undefined;
    const root = script.tree.rootNode;
    if (root.hasError || root.namedChildCount !== 1) return undefined;
    const cmd = root.namedChildren[0];
    if (cmd === null || cmd.type !== 'command') return undefined;
    const words: string[] = [];
    for (const c of cmd.namedChildren) {
      if (c === null) return undefined;
      const w = c.type === 'command_name' ? c.namedChildren[0] : c;
      if (w === null || w === undefined || w.type !== 'word' || !/^[A-Za-z0-9_./:=,+%@-]+$/.test(w.text)) return undefined;
      words.push(w.text);
    }
    // A shell builtin or keyword is no program the exec form could run (`CMD exec nginx`).
    return words.length > 0 && !SHELL_ONLY.has(words[0]) ? words : undefined;
  } finally {
    script.dispose();
  }
}

/**
 * Applies edits to a file's bytes, every byte outside the edited spans kept
 * as it is (bytes that are no UTF-8 too: the columns count each such byte as
 * one U+FFFD, as the parser decodes it); a leading BOM is kept and not
 * counted. What `lint --fix` writes.
 */
export function applyEditsToBytes(data: Uint8Array, edits: readonly Edit[]): { bytes: Uint8Array; applied: number } {
  let src = toByteString(data);
  const bom = src.startsWith('\xef\xbb\xbf') ? '\xef\xbb\xbf' : '';
  src = src.slice(bom.length);
  const lines = src.split(/(?<=\n)/);
  const applied = applySorted(edits, lines.length, (e) => {
    const l = lines[e.line - 1];
    const from = byteOffset(l, e.column - 1);
    const to = byteOffset(l, e.endColumn - 1);
    const edited = l.slice(0, from) + toByteString(e.text) + l.slice(to);
    // A line the parser would refuse (longer than its 64 KiB buffer; the BOM counts) is left as it is.
    const length = edited.length - (edited.endsWith('\n') ? 1 : 0) + (e.line === 1 ? bom.length : 0);
    if (length > MAX_LINE_BYTES && length > l.length) return false;
    lines[e.line - 1] = edited;
    return true;
  });
  return { bytes: Buffer.from(bom + lines.join(''), 'latin1'), applied };
}

/** Where the `units`-th UTF-16 unit of a line (a byte string) starts, in bytes (the line's end past it). */
function byteOffset(line: string, units: number): number {
  let u = 0;
  let i = 0;
  while (i < line.length && u < units) {
    const r = decodeRune(line, i);
    i += runeWidth;
    u += r > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Calls `apply` for each edit, last first, leaving out those that overlap one
 * applied; returns how many were applied (`apply` says whether it applied its edit).
 */
function applySorted(edits: readonly Edit[], lineCount: number, apply: (e: Edit) => boolean): number {
  const sorted = [...edits].sort((a, b) => b.line - a.line || b.column - a.column);
  let applied = 0;
  let limit = { line: Infinity, column: Infinity };
  for (const e of sorted) {
    if (e.line !== e.endLine || e.line < 1 || e.line > lineCount) continue;
    if (e.endLine > limit.line || (e.endLine === limit.line && e.endColumn > limit.column)) continue;
    if (!apply(e)) continue;
    limit = { line: e.line, column: e.column };
    applied++;
  }
  return applied;
}
