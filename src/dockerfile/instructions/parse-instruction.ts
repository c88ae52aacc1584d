// InstructionNode -> typed instruction (upstream's ParseInstructionWithLinter).

import { withLocation } from '../errors.ts';
import type { InstructionNode } from '../parser/ast.ts';
import type { InstructionLinter } from './lint-hooks.ts';
import { newRequest, nodeLocation, type ParseRequest } from './request.ts';
import { withSuggestion } from './suggest.ts';
import { commandSyntax, instructionNames, parseFromWithChecks, type ParseReport } from './table.ts';
import type { Command, Instruction } from './types.ts';
import type { Channel } from '../channel.ts';

export interface ParseInstructionOptions {
  /**
   * Not used: flag words reach this stage already unquoted and unescaped by
   * the parser (as upstream's do). Accepted so callers may pass it along.
   */
  escapeToken?: string;
  /** Receives the build checks upstream runs during instruction parsing. */
  lint?: InstructionLinter;
  /** The syntax channel (default stable). */
  channel?: Channel;
  /** A base image's ONBUILD trigger: its mount `from=` keeps upstream's no-variable rule under labs too. */
  onbuildTrigger?: boolean;
}

const suggestionOptions = instructionNames.map((n) => n.toUpperCase());

function dispatch(req: ParseRequest, report: ParseReport): Instruction {
  const keyword = req.node.keyword.toLowerCase();
  if (keyword === 'from') return parseFromWithChecks(req, report);
  if (Object.hasOwn(commandSyntax, keyword)) return commandSyntax[keyword as keyof typeof commandSyntax].parse(req, report);
  throw new Error(withSuggestion(`unknown instruction: ${req.command}`, req.command, suggestionOptions, false, req.node.keywordInvalidUTF8 === true));
}

/**
 * Converts one instruction node into a stage start (FROM) or a command.
 * Throws a DockerfileError located at the instruction, with upstream's text.
 */
export function parseInstruction(node: InstructionNode, opts: ParseInstructionOptions = {}): Instruction {
  const lint = opts.lint;
  const report: ParseReport = lint === undefined ? () => {} : (event) => lint(event, node);
  try {
    return dispatch({ ...newRequest(node, opts.channel), onbuildTrigger: opts.onbuildTrigger === true }, report);
  } catch (err) {
    throw withLocation(err, nodeLocation(node));
  }
}

/** Like parseInstruction, but FROM is an error (upstream's ParseCommand, used for ONBUILD triggers). */
export function parseCommand(node: InstructionNode, opts: ParseInstructionOptions = {}): Command {
  const ins = parseInstruction(node, opts);
  if (ins.kind === 'stage') {
    throw withLocation(new Error('*instructions.Stage is not a command type'), nodeLocation(node));
  }
  return ins;
}
