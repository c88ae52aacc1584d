// `outline`: the build args, secrets and SSH sockets a target uses, as the
// `frontend.outline` subrequest (`docker buildx build --call outline`) prints them.

import { DockerfileError } from '../dockerfile/errors.ts';
import { computeOutline } from '../dockerfile/outline/index.ts';
import { outlineResult } from '../subrequests/index.ts';
import type { SubrequestResult } from '../subrequests/index.ts';
import { convertOptions } from '../dockerui/index.ts';
import type { Channel } from '../dockerfile/channel.ts';
import { channelOption, channelUsage, CliError, flagsConfig, includeReader, buildArgValues, oneOf, parseCommandLine, readDockerfile, type Command } from './common.ts';
import { OFFLINE_USAGE, RESOLVE_USAGE, imageResolverFor, offlineOption, resolveArgs, resolveOptions, type ResolveArgs } from './resolve.ts';
import { parseArgs as parseNodeArgs } from 'node:util';
import { writeOut } from './stdout.ts';

const usage = `Usage: dockerfile-llb outline [options]

Lists the build args, secrets and SSH sockets the target uses, as BuildKit's
frontend.outline subrequest answers (result.json by default).

Options:
  -f FILE|-               the Dockerfile (default: Dockerfile; - reads stdin)
  --target NAME           the stage to outline (default: the last)
  --build-arg K[=V]       a build argument (repeatable; K alone: the value of $K, if set)
  --format json|text      result.json (default) or result.txt
${RESOLVE_USAGE}${OFFLINE_USAGE}${channelUsage}`;

async function run(argv: string[]): Promise<number> {
  const a = parseSubrequestArgs('outline', argv, usage, true);
  const data = readDockerfile(a.file);
  const cfg = flagsConfig('outline', { target: a.target, buildArgs: a.buildArgs, channel: a.channel, imageResolveMode: a.resolve.resolveMode });
  const resolver = imageResolverFor('outline', a.resolve, 'base images are taken to have no ENV');
  let res;
  try {
    const outline = await computeOutline(data, convertOptions(cfg, { resolver, readInclude: includeReader(a.file) }));
    res = outlineResult(outline);
  } catch (err) {
    throw new CliError(describeError(a.file, err));
  }
  writeResult(res, a.format);
  return 0;
}

// Options and output shared with `targets`.

export interface SubrequestArgs {
  file: string;
  target?: string;
  buildArgs: Record<string, string>;
  resolve: ResolveArgs;
  format: 'json' | 'text';
  channel: Channel;
}

/** Parses -f, --format and, when `withTarget`, --target, --build-arg and the image resolution options. */
export function parseSubrequestArgs(cmd: string, args: string[], usage: string, withTarget: boolean): SubrequestArgs {
  const { values: v } = parseCommandLine(cmd, usage, () =>
    parseNodeArgs({
      args,
      options: {
        file: { type: 'string', short: 'f' },
        format: { type: 'string' },
        channel: { type: 'string' },
        ...(withTarget
          ? {
              target: { type: 'string' },
              'build-arg': { type: 'string', multiple: true },
              ...resolveOptions,
              ...offlineOption,
            }
          : {}),
      },
    }),
  );
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const list = (x: unknown): string[] | undefined => (Array.isArray(x) ? x.map(String) : undefined);
  return {
    file: str(v.file) ?? 'Dockerfile',
    target: str(v.target),
    buildArgs: buildArgValues(cmd, list(v['build-arg'])),
    resolve: resolveArgs(cmd, v),
    format: oneOf(cmd, '--format', str(v.format), ['json', 'text'], 'json'),
    channel: channelOption(cmd, str(v.channel)),
  };
}

/**
 * `FILE: message`, without the line: upstream's subrequest errors carry no
 * Dockerfile location (a parse error names its line in the message).
 */
export function describeError(file: string, err: unknown): string {
  const name = file === '-' ? 'Dockerfile' : file;
  // An error in an included file (labs INCLUDE) names that file and its line.
  if (err instanceof DockerfileError && err.ranges[0]?.file !== undefined) return `${err.position(name)}: ${err.message}`;
  return `${name}: ${err instanceof Error ? err.message : String(err)}`;
}

/** Prints result.json (with a final newline) or result.txt as they are. */
export function writeResult(res: SubrequestResult, format: 'json' | 'text'): void {
  if (format === 'json') {
    writeOut(res.metadata.get('result.json') ?? new Uint8Array());
    writeOut('\n');
  } else {
    writeOut(res.metadata.get('result.txt') ?? new Uint8Array());
  }
}

export const outlineCommand: Command = { usage, run };
