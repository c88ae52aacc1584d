// A whole Dockerfile -> stages and meta ARGs (upstream's instructions.Parse).

import { DockerfileError } from '../errors.ts';
import type { ParseResult } from '../parser/ast.ts';
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

/** Groups a parsed Dockerfile into stages; stops at the first error, in source order. */
export function parseStages(ast: ParseResult, opts: ParseStagesOptions = {}): ParsedStages {
  const stages: Stage[] = [];
  const metaArgs: ArgCommand[] = [];
  for (const node of ast.children) {
    let ins;
    try {
      ins = parseInstruction(node, { lint: opts.lint, channel: opts.channel });
    } catch (err) {
      const e = err as DockerfileError;
      throw new InstructionParseError(e.message, node.startLine, e.ranges);
    }
    if (ins.kind === 'stage') {
      stages.push(ins);
      continue;
    }
    if (stages.length === 0) {
      if (ins.kind === 'arg') {
        metaArgs.push(ins);
        continue;
      }
      throw new DockerfileError('no build stage in current context', [nodeLocation(node)]);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  return { stages, metaArgs };
}

/** The index of the stage with this name, compared case-insensitively (upstream's HasStage); -1 if none. */
export function findStage(stages: readonly Stage[], name: string): number {
  return stages.findIndex((s) => goEqualFold(s.name, name));
}
