// InstructionNode -> typed instruction (upstream's ParseInstructionWithLinter).

import { withLocation } from '../errors.ts';
import type { InstructionNode } from '../parser/ast.ts';
import type { InstructionLinter, InstructionLintEvent } from './lint-hooks.ts';
import { parseAdd, parseCopy } from './parse-files.ts';
import { parseCmd, parseEntrypoint, parseHealthcheck, parseRun } from './parse-exec.ts';
import {
  parseArg,
  parseEnv,
  parseExpose,
  parseLabel,
  parseMaintainer,
  parseShell,
  parseStopSignal,
  parseUser,
  parseVolume,
  parseWorkdir,
} from './parse-simple.ts';
import { parseFrom, parseOnBuild } from './parse-stage.ts';
import { newRequest, nodeLocation, type ParseRequest } from './request.ts';
import { withSuggestion } from './suggest.ts';
import type { Command, Instruction } from './types.ts';

export interface ParseInstructionOptions {
  /**
   * Not used: flag words reach this stage already unquoted and unescaped by
   * the parser (as upstream's do). Accepted so callers may pass it along.
   */
  escapeToken?: string;
  /** Receives the build checks upstream runs during instruction parsing. */
  lint?: InstructionLinter;
}

/** Every instruction keyword, lower-case, in upstream's (alphabetical) command list order. */
export const instructionNames = [
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck',
  'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
] as const;

const suggestionOptions = instructionNames.map((n) => n.toUpperCase());

type Report = (event: InstructionLintEvent) => void;

function parseFromWithChecks(req: ParseRequest, report: Report) {
  const args = req.args;
  if (args.length === 3 && args[2] !== args[2].toLowerCase()) {
    report({ rule: 'StageNameCasing', stageName: args[2] });
  }
  // Only judged when FROM itself is consistently cased; mixed case is another rule's job.
  if (args.length >= 3) {
    const lower = req.command === req.command.toLowerCase();
    const upper = req.command === req.command.toUpperCase();
    if ((lower && args[1] !== args[1].toLowerCase()) || (!lower && upper && args[1] !== args[1].toUpperCase())) {
      report({ rule: 'FromAsCasing', fromKeyword: req.command, asKeyword: args[1] });
    }
  }
  const stage = parseFrom(req);
  if (stage.name !== '') checkDefinitionDescription('FROM', [stage.name], req.comments, report);
  return stage;
}

/** The comment block above `FROM ... AS name` / `ARG name` should start with the name it documents. */
function checkDefinitionDescription(
  instruction: 'FROM' | 'ARG',
  keys: readonly string[],
  comments: readonly string[],
  report: Report,
): void {
  if (comments.length === 0 || keys.length === 0) return;
  const firstWord = comments[comments.length - 1].split(' ')[0];
  if (keys.includes(firstWord)) return;
  report({ rule: 'InvalidDefinitionDescription', instruction, exampleKey: keys.length > 1 ? '<arg_key>' : keys[0] });
}

function dispatch(req: ParseRequest, report: Report): Instruction {
  switch (req.node.keyword.toLowerCase()) {
    case 'env':
      return parseEnv(req);
    case 'maintainer':
      report({ rule: 'MaintainerDeprecated' });
      return parseMaintainer(req);
    case 'label':
      return parseLabel(req);
    case 'add':
      return parseAdd(req);
    case 'copy':
      return parseCopy(req);
    case 'from':
      return parseFromWithChecks(req, report);
    case 'onbuild':
      return parseOnBuild(req);
    case 'workdir':
      return parseWorkdir(req);
    case 'run':
      return parseRun(req);
    case 'cmd':
      return parseCmd(req);
    case 'healthcheck':
      return parseHealthcheck(req);
    case 'entrypoint':
      return parseEntrypoint(req);
    case 'expose':
      return parseExpose(req);
    case 'user':
      return parseUser(req);
    case 'volume':
      return parseVolume(req);
    case 'stopsignal':
      return parseStopSignal(req);
    case 'arg': {
      const arg = parseArg(req);
      checkDefinitionDescription('ARG', arg.args.map((a) => a.key), req.comments, report);
      return arg;
    }
    case 'shell':
      return parseShell(req);
    default:
      throw new Error(withSuggestion(`unknown instruction: ${req.command}`, req.command, suggestionOptions, false));
  }
}

/**
 * Converts one instruction node into a stage start (FROM) or a command.
 * Throws a DockerfileError located at the instruction, with upstream's text.
 */
export function parseInstruction(node: InstructionNode, opts: ParseInstructionOptions = {}): Instruction {
  const lint = opts.lint;
  const report: Report = lint === undefined ? () => {} : (event) => lint(event, node);
  try {
    return dispatch(newRequest(node), report);
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
