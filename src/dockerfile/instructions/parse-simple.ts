// Instructions whose arguments are plain words or key/value pairs.

import {
  errAtLeastOneArgument,
  errBlankCommandNames,
  errExactlyOneArgument,
  errNotJSON,
  errTooManyArguments,
} from './messages.ts';
import { commandBase, docComment, type ParseRequest } from './request.ts';
import { goTrimSpace } from '../../go/strings.ts';
import type {
  ArgCommand,
  ArgDefinition,
  EnvCommand,
  ExposeCommand,
  KeyValuePair,
  LabelCommand,
  MaintainerCommand,
  ShellCommand,
  StopSignalCommand,
  UserCommand,
  VolumeCommand,
  WorkdirCommand,
} from './types.ts';

/** The AST gives ENV/LABEL pairs as (key, value, delimiter) triples; delimiter `""` is the legacy form. */
function parseKvps(args: string[], cmd: string): KeyValuePair[] {
  if (args.length === 0) throw errAtLeastOneArgument(cmd);
  if (args.length % 3 !== 0) throw errTooManyArguments(cmd);
  const pairs: KeyValuePair[] = [];
  for (let i = 0; i < args.length; i += 3) {
    if (args[i].length === 0) throw errBlankCommandNames(cmd);
    pairs.push({ key: args[i], value: args[i + 1], noDelim: args[i + 2] === '' });
  }
  return pairs;
}

export function parseEnv(req: ParseRequest): EnvCommand {
  req.flags.parse();
  const env = parseKvps(req.args, 'ENV');
  return { kind: 'env', ...commandBase(req), env };
}

export function parseLabel(req: ParseRequest): LabelCommand {
  req.flags.parse();
  const labels = parseKvps(req.args, 'LABEL');
  return { kind: 'label', ...commandBase(req), labels };
}

export function parseMaintainer(req: ParseRequest): MaintainerCommand {
  if (req.args.length !== 1) throw errExactlyOneArgument('MAINTAINER');
  req.flags.parse();
  return { kind: 'maintainer', ...commandBase(req), maintainer: req.args[0] };
}

export function parseWorkdir(req: ParseRequest): WorkdirCommand {
  if (req.args.length !== 1) throw errExactlyOneArgument('WORKDIR');
  req.flags.parse();
  return { kind: 'workdir', ...commandBase(req), path: req.args[0] };
}

export function parseUser(req: ParseRequest): UserCommand {
  if (req.args.length !== 1) throw errExactlyOneArgument('USER');
  req.flags.parse();
  return { kind: 'user', ...commandBase(req), user: req.args[0] };
}

/** Go sorts strings by bytes, which differs from UTF-16 order outside the BMP. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function parseExpose(req: ParseRequest): ExposeCommand {
  if (req.args.length === 0) throw errAtLeastOneArgument('EXPOSE');
  req.flags.parse();
  const ports = [...req.args].sort(compareBytes);
  return { kind: 'expose', ...commandBase(req), ports };
}

export function parseVolume(req: ParseRequest): VolumeCommand {
  if (req.args.length === 0) throw errAtLeastOneArgument('VOLUME');
  req.flags.parse();
  const volumes: string[] = [];
  for (const arg of req.args) {
    const v = goTrimSpace(arg);
    if (v === '') throw new Error('VOLUME specified can not be an empty string');
    volumes.push(v);
  }
  return { kind: 'volume', ...commandBase(req), volumes };
}

/** Upstream never parses STOPSIGNAL's flags, so any flag is silently ignored. */
export function parseStopSignal(req: ParseRequest): StopSignalCommand {
  if (req.args.length !== 1) throw errExactlyOneArgument('STOPSIGNAL');
  return { kind: 'stopsignal', ...commandBase(req), signal: req.args[0] };
}

/** Upstream never parses ARG's flags either. */
export function parseArg(req: ParseRequest): ArgCommand {
  if (req.args.length < 1) throw errAtLeastOneArgument('ARG');
  const args: ArgDefinition[] = req.args.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq === 0) throw errBlankCommandNames('ARG');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? undefined : arg.slice(eq + 1);
    return { key, value, docComment: docComment(req.comments, key) };
  });
  return { kind: 'arg', ...commandBase(req), args };
}

export function parseShell(req: ParseRequest): ShellCommand {
  req.flags.parse();
  if (req.args.length === 0) throw errAtLeastOneArgument('SHELL');
  if (!req.json) throw errNotJSON('SHELL');
  return { kind: 'shell', ...commandBase(req), shell: [...req.args] };
}
