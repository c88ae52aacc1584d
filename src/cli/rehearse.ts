// `rehearse`: one practice build of the gateway frontend inside this process,
// against canned daemon answers (src/frontend/rehearsal.ts). The frontend
// image's code cache is made while it runs (scripts/launcher.cjs).
import type { Command } from './common.ts';

const usage = `Usage: dockerfile-llb rehearse

Runs the gateway frontend once inside this process against canned answers
from a stand-in for BuildKit's gateway (every capability, one sample
Dockerfile, one image config), so that everything a build runs gets
compiled; used when the frontend image's V8 code cache is made. Exits 0 when
the sample built.
`;

async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(usage);
    return 2;
  }
  const { rehearse } = await import('../frontend/rehearsal.ts');
  const r = await rehearse();
  if (r.error !== undefined) process.stderr.write(`dockerfile-llb rehearse: the sample did not build: ${r.error}\n`);
  // Like `frontend`: gRPC timers must not keep the process alive.
  process.exit(r.error === undefined ? 0 : 1);
}

export const rehearseCommand: Command = { usage, run };
