// An InstructionNode unpacked into what the per-instruction parsers need
// (upstream's parseRequest).

import type { LineRange } from '../errors.ts';
import type { Heredoc, InstructionNode } from '../parser/ast.ts';
import { BFlags } from './bflags.ts';
import type { CommandBase } from './types.ts';
import type { Channel } from '../channel.ts';
import { goTrimSpace } from '../../go/strings.ts';

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
  /** The syntax channel: labs-only flags are declared only in `labs`. */
  channel: Channel;
  /** The instruction is an ONBUILD trigger being run (see ParseInstructionOptions). */
  onbuildTrigger?: boolean;
}

export function nodeLocation(node: InstructionNode): LineRange {
  const r: LineRange = { start: node.startLine, end: Math.max(node.startLine, node.endLine) };
  if (node.file !== undefined) r.file = node.file;
  return r;
}

/** Upstream's nodeArgs: ONBUILD's arguments are the wrapped keyword then its arguments. */
function nodeArgs(node: InstructionNode): string[] {
  // A loop: a chain of ONBUILDs (refused later) is as deep as its line is long.
  if (node.sub === undefined) return node.args.slice();
  const out: string[] = [];
  let n = node;
  while (n.sub !== undefined) {
    out.push(n.sub.rawKeyword);
    n = n.sub;
  }
  for (const a of n.args) out.push(a);
  return out;
}

export function newRequest(node: InstructionNode, channel: Channel = 'stable'): ParseRequest {
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
    channel,
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
