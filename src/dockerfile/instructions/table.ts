// The instruction table of this layer: for every command kind, how it is
// parsed from its node (with the build checks upstream runs while parsing)
// and which of its words are expanded before dispatch. The table's type has
// a key per CommandKind, so a kind added to the Command union without an
// entry fails `npm run typecheck`. The converter's table
// (convert/dispatch/dispatch.ts) holds the dispatch side of each kind.

import { hasInvalidUTF8 } from '../parser/bytes.ts';
import { goToLower, goToUpper } from '../../go/strings.ts';
import {
  expandAdd,
  expandArg,
  expandCopy,
  expandEnv,
  expandLabel,
  expandRun,
  expandSourceContents,
  expandStopSignal,
  expandUser,
  expandVolume,
  expandWorkdir,
} from './expand.ts';
import type { WordExpander } from './expand-types.ts';
import type { InstructionLintEvent } from './lint-hooks.ts';
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
import type { ParseRequest } from './request.ts';
import type { Command, CommandKind, Stage } from './types.ts';

/** Receives the build checks that fire while an instruction is parsed. */
export type ParseReport = (event: InstructionLintEvent) => void;

/** The command type of a kind. */
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export interface CommandSyntax<C extends Command> {
  /** The typed command from its node (upstream's parse<Name>); parse-time checks go to `report`. */
  parse(req: ParseRequest, report: ParseReport): C;
  /** Expands the fields the converter expands before dispatch (upstream's Expand, SupportsSingleWordExpansion). */
  expand?(cmd: C, expand: WordExpander): C;
  /** Expands heredoc bodies with the raw lexer (upstream's ExpandRaw, SupportsSingleWordExpansionRaw). */
  expandRaw?(cmd: C, expand: WordExpander): C;
}

/** The comment block above `FROM ... AS name` / `ARG name` should start with the name it documents. */
function checkDefinitionDescription(instruction: 'FROM' | 'ARG', keys: readonly string[], comments: readonly string[], report: ParseReport): void {
  if (comments.length === 0 || keys.length === 0) return;
  const firstWord = comments[comments.length - 1].split(' ')[0];
  if (keys.includes(firstWord)) return;
  report({ rule: 'InvalidDefinitionDescription', instruction, exampleKey: keys.length > 1 ? '<arg_key>' : keys[0] });
}

export const commandSyntax = {
  add: { parse: parseAdd, expand: expandAdd, expandRaw: expandSourceContents },
  arg: {
    parse(req, report) {
      const arg = parseArg(req);
      checkDefinitionDescription('ARG', arg.args.map((a) => a.key), req.comments, report);
      return arg;
    },
    expand: expandArg,
  },
  cmd: { parse: parseCmd },
  copy: { parse: parseCopy, expand: expandCopy, expandRaw: expandSourceContents },
  entrypoint: { parse: parseEntrypoint },
  env: { parse: parseEnv, expand: expandEnv },
  expose: { parse: parseExpose },
  healthcheck: { parse: parseHealthcheck },
  label: { parse: parseLabel, expand: expandLabel },
  maintainer: {
    parse(req, report) {
      report({ rule: 'MaintainerDeprecated' });
      return parseMaintainer(req);
    },
  },
  onbuild: { parse: parseOnBuild },
  run: { parse: parseRun, expand: expandRun },
  shell: { parse: parseShell },
  stopsignal: { parse: parseStopSignal, expand: expandStopSignal },
  user: { parse: parseUser, expand: expandUser },
  volume: { parse: parseVolume, expand: expandVolume },
  workdir: { parse: parseWorkdir, expand: expandWorkdir },
} satisfies { readonly [K in CommandKind]: CommandSyntax<CommandOf<K>> };

/** FROM, which starts a stage rather than being a command of one. */
/**
 * Go's s == strings.ToLower(s) (or ToUpper): never true for text with bytes
 * that are no UTF-8 (Go's case mapping turns them into U+FFFD).
 */
function sameCase(s: string, invalidUTF8: boolean, to: 'lower' | 'upper'): boolean {
  return !invalidUTF8 && s === (to === 'lower' ? goToLower(s) : goToUpper(s));
}

export function parseFromWithChecks(req: ParseRequest, report: ParseReport): Stage {
  const args = req.args;
  const invalid = (i: number): boolean => req.node.argBytes !== undefined && hasInvalidUTF8(req.node.argBytes[i]);
  if (args.length === 3 && !sameCase(args[2], invalid(2), 'lower')) {
    report({ rule: 'StageNameCasing', stageName: args[2] });
  }
  // Only judged when FROM itself is consistently cased; mixed case is another rule's job.
  if (args.length >= 3) {
    const keywordInvalid = req.node.keywordInvalidUTF8 === true;
    const lower = sameCase(req.command, keywordInvalid, 'lower');
    const upper = sameCase(req.command, keywordInvalid, 'upper');
    if ((lower && !sameCase(args[1], invalid(1), 'lower')) || (!lower && upper && !sameCase(args[1], invalid(1), 'upper'))) {
      report({ rule: 'FromAsCasing', fromKeyword: req.command, asKeyword: args[1] });
    }
  }
  const stage = parseFrom(req);
  if (stage.name !== '') checkDefinitionDescription('FROM', [stage.name], req.comments, report);
  return stage;
}

/** The syntax entry of a command, typed for that command. */
export function syntaxOf<C extends Command>(cmd: C): CommandSyntax<C> {
  // The table is keyed by kind, so this entry is the one for C.
  return commandSyntax[cmd.kind] as unknown as CommandSyntax<C>;
}

/** Every instruction keyword, lower-case, in upstream's (alphabetical) command list order. */
export const instructionNames: readonly string[] = [...Object.keys(commandSyntax), 'from'].sort();

/** Kinds whose fields the converter expands before dispatch. */
export type ExpandableKind = { [K in CommandKind]: (typeof commandSyntax)[K] extends { expand: unknown } ? K : never }[CommandKind];

/** Commands with fields the converter expands before dispatch (upstream's SupportsSingleWordExpansion). */
export type ExpandableCommand = CommandOf<ExpandableKind>;

/**
 * Whether upstream expands this command's fields generically. ARG is in the
 * set, but upstream's converter skips it and expands defaults itself, since
 * a build-arg may replace the default.
 */
export function supportsExpansion(cmd: Command): cmd is ExpandableCommand {
  return syntaxOf(cmd).expand !== undefined;
}

/** The command with its expandable fields passed through `expand`; others are returned as they are. */
export function expandCommand<C extends Command>(cmd: C, expand: WordExpander): C {
  const f = syntaxOf(cmd).expand;
  return f === undefined ? cmd : f(cmd, expand);
}

/** Commands whose heredoc bodies are expanded (upstream's SupportsSingleWordExpansionRaw). */
export function supportsRawExpansion(cmd: Command): boolean {
  return syntaxOf(cmd).expandRaw !== undefined;
}

/** The command with its heredoc bodies passed through `expand` where its kind has them; others as they are. */
export function expandCommandRaw<C extends Command>(cmd: C, expand: WordExpander): C {
  const f = syntaxOf(cmd).expandRaw;
  return f === undefined ? cmd : f(cmd, expand);
}
