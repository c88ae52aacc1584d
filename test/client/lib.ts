// What the client tests share: running `dockerfile-llb build` (the bundle)
// against the test daemon, and buildctl with the same inputs.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ensureBuildkit, repoRoot, run, type RunOptions, type RunResult } from '../e2e/harness.ts';

export const BUNDLE = join(repoRoot, 'dist', 'dockerfile-llb.js');

/** `node dist/dockerfile-llb.js build --addr HOST ARGS`. */
export async function ourBuild(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const env = await ensureBuildkit();
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  return run(process.execPath, [BUNDLE, 'build', '--addr', env.buildkitHost, ...args], opts);
}

/** Times, durations and log timestamps of plain progress masked (they differ from run to run). */
export function maskPlain(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l
        .replace(/ \d+\.\d+s( done)?$/, '$1')
        .replace(/^(#\d+ DONE)( \d+\.\d+s)?$/, '$1')
        .replace(/^(#\d+) \d+\.\d+ /, '$1 <t> '),
    )
    .join('\n');
}
