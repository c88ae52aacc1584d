// A whole Dockerfile -> stages and meta ARGs (upstream's instructions.Parse).

import { DockerfileError } from '../errors.ts';
import type { InstructionNode, ParseResult } from '../parser/ast.ts';
import type { InstructionLinter } from './lint-hooks.ts';
import { parseInstruction } from './parse-instruction.ts';
import { nodeLocation } from './request.ts';
import type { ArgCommand, Stage } from './types.ts';
import type { Channel } from '../channel.ts';
import { goEqualFold } from '../../go/strings.ts';

/**
 * An instruction that failed to parse. Upstream prefixes these (and only
 * these) with `dockerfile parse error on line N: `; `detail` is the bare text.
 */
export class InstructionParseError extends DockerfileError {
  readonly detail: string;

  constructor(detail: string, line: number, ranges: DockerfileError['ranges']) {
    super(`dockerfile parse error on line ${line}: ${detail}`, ranges);
    this.name = 'InstructionParseError';
    this.detail = detail;
  }
}

export interface ParsedStages {
  stages: Stage[];
  /** ARG instructions before the first FROM. */
  metaArgs: ArgCommand[];
}

export interface ParseStagesOptions {
  lint?: InstructionLinter;
  /** The syntax channel (default stable). */
  channel?: Channel;
}

/** One instruction as parseStages reads it (its error an InstructionParseError). */
function readInstruction(node: InstructionNode, opts: ParseStagesOptions): ReturnType<typeof parseInstruction> {
  try {
    return parseInstruction(node, { lint: opts.lint, channel: opts.channel });
  } catch (err) {
    const e = err as DockerfileError;
    throw new InstructionParseError(e.message, node.startLine, e.ranges);
  }
}

const noStage = (node: InstructionNode): DockerfileError => new DockerfileError('no build stage in current context', [nodeLocation(node)]);

/** Groups a parsed Dockerfile into stages; stops at the first error, in source order. */
export function parseStages(ast: ParseResult, opts: ParseStagesOptions = {}): ParsedStages {
  const stages: Stage[] = [];
  const metaArgs: ArgCommand[] = [];
  for (const node of ast.children) {
    const ins = readInstruction(node, opts);
    if (ins.kind === 'stage') {
      stages.push(ins);
      continue;
    }
    if (stages.length === 0) {
      if (ins.kind === 'arg') {
        metaArgs.push(ins);
        continue;
      }
      throw noStage(node);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  return { stages, metaArgs };
}

/**
 * Throws the first error parseStages would meet in `nodes` (no lint), after
 * instructions that did (`inStage`) or did not yet have a FROM; returns
 * whether a FROM has come by their end. Labs: the instructions before an
 * INCLUDE, so that their errors come before the INCLUDE's, in the file's order.
 */
export function checkInstructions(nodes: readonly InstructionNode[], channel: Channel | undefined, inStage: boolean): boolean {
  for (const node of nodes) {
    const ins = readInstruction(node, { channel });
    if (ins.kind === 'stage') inStage = true;
    else if (!inStage && ins.kind !== 'arg') throw noStage(node);
  }
  return inStage;
}

/** The index of the stage with this name, compared case-insensitively (upstream's HasStage); -1 if none. */
export function findStage(stages: readonly Stage[], name: string): number {
  return stages.findIndex((s) => goEqualFold(s.name, name));
}
