// An InstructionNode unpacked into what the per-instruction parsers need
// (upstream's parseRequest).

import type { LineRange } from '../errors.ts';
import type { Heredoc, InstructionNode } from '../parser/ast.ts';
import { BFlags } from './bflags.ts';
import type { CommandBase } from './types.ts';

export interface ParseRequest {
  node: InstructionNode;
  /** The keyword as written (upstream keeps the original casing in Node.Value). */
  command: string;
  args: string[];
  json: boolean;
  heredocs: Heredoc[];
  flags: BFlags;
  original: string;
  location: LineRange;
  comments: string[];
}

// Unicode White_Space, which Go's strings.TrimSpace removes (unlike
// JavaScript's trim it includes U+0085 and excludes the BOM).
const goSpace = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const goTrimPattern = new RegExp(`^${goSpace}+|${goSpace}+$`, 'g');

export function goTrimSpace(s: string): string {
  return s.replace(goTrimPattern, '');
}

export function nodeLocation(node: InstructionNode): LineRange {
  return { start: node.startLine, end: Math.max(node.startLine, node.endLine) };
}

/** Upstream's nodeArgs: ONBUILD's arguments are the wrapped keyword then its arguments. */
function nodeArgs(node: InstructionNode): string[] {
  if (node.sub !== undefined) return [node.sub.rawKeyword, ...nodeArgs(node.sub)];
  return [...node.args];
}

export function newRequest(node: InstructionNode): ParseRequest {
  return {
    node,
    command: node.rawKeyword,
    args: nodeArgs(node),
    json: node.json,
    heredocs: node.heredocs,
    // The parser already removed quotes and escapes from flag words, as upstream's does.
    flags: new BFlags(node.flags),
    original: node.original,
    location: nodeLocation(node),
    comments: node.prevComment,
  };
}

/** The fields every command shares (upstream's newWithNameAndCode). */
export function commandBase(req: ParseRequest): CommandBase {
  return {
    name: req.command,
    code: goTrimSpace(req.original),
    location: req.location,
    comments: req.comments,
    node: req.node,
  };
}

/** Text after `<name> ` in the first comment line that starts so (upstream's getDocComment). */
export function docComment(comments: readonly string[], name: string): string {
  if (name === '') return '';
  for (const line of comments) {
    if (line.startsWith(name + ' ')) return line.slice(name.length + 1);
  }
  return '';
}
