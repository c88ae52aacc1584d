// FROM (which starts a stage) and ONBUILD (which stores an instruction for later).

import { goQuote } from '../../go/strconv.ts';
import { goQuoteBytes } from '../parser/quote.ts';
import { errAtLeastOneArgument } from './messages.ts';
import { docComment, type ParseRequest } from './request.ts';
import { goEqualFold, goToLower, goToUpper, goTrimSpace } from '../../go/strings.ts';
import { commandBase } from './request.ts';
import type { OnbuildCommand, Stage } from './types.ts';

const validStageName = /^[a-z][a-z0-9\-_.]*$/;

/**
 * The lower-cased stage name of `FROM image [AS name]`, or `""` without AS.
 * `argBytes`: the arguments as bytes, when one holds bytes that are no UTF-8
 * (upstream quotes those bytes as \xNN).
 */
export function parseBuildStageName(args: readonly string[], argBytes?: readonly string[]): string {
  if (args.length === 3 && goEqualFold(args[1], 'as')) {
    const name = goToLower(args[2]);
    if (!validStageName.test(name)) {
      const quoted = argBytes === undefined ? goQuote(args[2]) : goQuoteBytes(argBytes[2]);
      throw new Error(`invalid name for build stage: ${quoted}, name can't start with a number or contain symbols`);
    }
    return name;
  }
  if (args.length !== 1) throw new Error('FROM requires either one or three arguments');
  return '';
}

export function parseFrom(req: ParseRequest): Stage {
  const name = parseBuildStageName(req.args, req.node.argBytes);
  const platform = req.flags.addString('platform', '');
  req.flags.parse();
  return {
    kind: 'stage',
    name,
    commands: [],
    origCmd: req.command,
    baseName: req.args[0],
    platform: platform.value,
    docComment: docComment(req.comments, name),
    sourceCode: goTrimSpace(req.original),
    location: req.location,
    comments: req.comments,
    node: req.node,
  };
}

// RE2's \s is [\t\n\f\r ].
const onbuildPrefix = /^[\t\n\f\r ]*ONBUILD[\t\n\f\r ]*/i;

export function parseOnBuild(req: ParseRequest): OnbuildCommand {
  if (req.args.length === 0) throw errAtLeastOneArgument('ONBUILD');
  req.flags.parse();

  const trigger = goToUpper(goTrimSpace(req.args[0]));
  if (trigger === 'ONBUILD') throw new Error("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  if (trigger === 'MAINTAINER' || trigger === 'FROM') throw new Error(`${trigger} isn't allowed as an ONBUILD trigger`);

  // The trigger is stored as text and parsed again when a child image runs
  // it, so heredoc bodies are written back after the line.
  let expression = req.original.replace(onbuildPrefix, '');
  for (const h of req.heredocs) expression += `\n${h.content}${h.name}`;
  return { kind: 'onbuild', ...commandBase(req), expression };
}
