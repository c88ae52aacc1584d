// `targets`: the stages of a Dockerfile, as the `frontend.targets`
// subrequest (`docker buildx build --call targets`) prints them.

import { listTargetsFor } from '../dockerfile/outline/index.ts';
import { targetsResult } from '../subrequests/index.ts';
import { channelUsage, CliError, includeReader, readDockerfile, type Command } from './common.ts';
import { describeError, parseSubrequestArgs, writeResult } from './outline.ts';

const usage = `Usage: dockerfile-llb targets [options]

Lists the stages of a Dockerfile, as BuildKit's frontend.targets subrequest
answers (result.json by default).

Options:
  -f FILE|-               the Dockerfile (default: Dockerfile; - reads stdin)
  --format json|text      result.json (default) or result.txt
${channelUsage}`;

async function run(argv: string[]): Promise<number> {
  const a = parseSubrequestArgs('targets', argv, usage, false);
  const data = readDockerfile(a.file);
  let res;
  try {
    res = targetsResult(await listTargetsFor(data, { channel: a.channel, readInclude: includeReader(a.file) }));
  } catch (err) {
    throw new CliError(describeError(a.file, err));
  }
  writeResult(res, a.format);
  return 0;
}

export const targetsCommand: Command = { usage, run };
