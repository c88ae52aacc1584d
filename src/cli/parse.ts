// `parse FILE`: prints the Dockerfile's AST in BuildKit's dump format (the
// output of upstream's frontend/dockerfile/parser/dumper), or with --json the
// whole parse result (nodes, line ranges, heredocs, directives, warnings).

import { DockerfileError } from '../dockerfile/errors.ts';
import { dump, parse } from '../dockerfile/parser/index.ts';
import { isLabs, type Channel } from '../dockerfile/channel.ts';
import { parseStages } from '../dockerfile/instructions/index.ts';
import { channelOption, CliError, readInput, type Command } from './common.ts';
import { writeOut } from './stdout.ts';

const USAGE = `Usage: dockerfile-llb parse [--json] [--channel stable|labs] FILE

Parses FILE (- for standard input) like BuildKit v0.32.2 and prints its AST
in BuildKit's dump format, one instruction per line. On a parse error prints
FILE:LINE: message to standard error and exits 1.

  --json   print the full parse result as JSON instead
  --channel stable|labs
           also parse every instruction with that channel's flags (default:
           the syntax tree only, which is the same in both channels)
`;

export const parseCommand: Command = {
  usage: USAGE,
  run(args: string[]): number {
    let json = false;
    let channel: Channel | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--json') json = true;
      else if (a === '--channel' || a.startsWith('--channel=')) {
        const value = a === '--channel' ? args[++i] : a.slice('--channel='.length);
        if (value === undefined) throw new CliError(`parse: --channel needs a value\n\n${USAGE}`, 2);
        channel = channelOption('parse', value);
      }
      else if (a.startsWith('-') && a !== '-') throw new CliError(`parse: unknown option ${a}\n\n${USAGE}`, 2);
      else files.push(a);
    }
    if (files.length !== 1) throw new CliError(USAGE.trimEnd(), 2);
    const file = files[0];
    const input = readInput(file);
    try {
      const result = parse(input);
      // Labs INCLUDE is an instruction of that channel, taking the place of another file's instructions: not read here.
      if (channel !== undefined) parseStages(isLabs(channel) ? { ...result, children: result.children.filter((n) => n.keyword !== 'include') } : result, { channel });
      writeOut(json ? jsonText(result) + '\n' : dump(result) + '\n');
      return 0;
    } catch (err) {
      if (err instanceof DockerfileError) throw new CliError(`${file}:${err.line}: ${err.message}`, 1);
      throw err;
    }
  },
};

/**
 * The parse result as indented JSON; a tree too deep for JSON.stringify (a
 * chain of thousands of ONBUILDs) as compact JSON, written with a stack of
 * its own.
 */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const out: string[] = [];
  // Work items: a value to write, or text to write as it is.
  const work: ({ value: unknown } | string)[] = [{ value }];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(JSON.stringify(v) ?? 'null');
      continue;
    }
    const next: ({ value: unknown } | string)[] = [];
    if (Array.isArray(v)) {
      next.push('[');
      v.forEach((x, i) => next.push(...(i > 0 ? [','] : []), { value: x === undefined || typeof x === 'function' ? null : x }));
      next.push(']');
    } else {
      next.push('{');
      let first = true;
      for (const [k, x] of Object.entries(v)) {
        if (x === undefined || typeof x === 'function') continue;
        next.push(`${first ? '' : ','}${JSON.stringify(k)}:`, { value: x });
        first = false;
      }
      next.push('}');
    }
    for (let i = next.length - 1; i >= 0; i--) work.push(next[i]!);
  }
  return out.join('');
}
