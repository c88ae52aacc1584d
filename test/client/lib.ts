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

/**
 * Plain progress as each step's lines (a step shown twice, interrupted or
 * completed and started again, is one), sorted by step name, then the lines
 * outside the steps (failed steps' logs, the error): what does not depend on
 * when the status messages arrived. Times masked; in-progress status lines
 * (no size and not done) left out, as the printer shows them only when they
 * happen to be pending at a print.
 *
 * What the daemon's state decides, not the printer, is masked too (a build
 * run beside another, as other tests and other test files do, shares the
 * vertices of equal LLB with it): a shared vertex keeps the name of the first
 * build that loaded it (`[stage-0 1/2] FROM busybox…` for one build's
 * `[1/4] FROM busybox…`), so the `[…]` before a step's name is masked; a
 * vertex also done by the other build is reported CACHED and DONE, so CACHED
 * beside DONE is left out; and how much of a build context is sent depends on
 * the daemon's synced copy of the directory (the last build of it, by this
 * client or another, with the same session key), so its transfer size is
 * masked (the Dockerfile's and .dockerignore's transfers are whole: kept).
 */
export function plainSteps(text: string): string {
  const byId = new Map<string, { name: string; lines: Set<string> }>();
  const other: string[] = [];
  for (const line of maskPlain(text).split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) {
      if (line !== '') other.push(line);
      continue;
    }
    const [, id, rest] = m;
    let step = byId.get(id!);
    if (!step) {
      byId.set(id!, (step = { name: rest!, lines: new Set() }));
      continue;
    }
    if (rest === step.name || rest === '...' || /^[\w ]+:$/.test(rest!)) continue;
    const context = /^\[(internal\] load build context|context [^\]]+\] load from client)$/.test(step.name);
    step.lines.add(context ? rest!.replace(/^(transferring [\w-]+:) [\d.]+[kMGT]?B/, '$1 <size>') : rest!);
  }
  // A status line printed while in progress ("resolve X", "transferring dockerfile: 30B") is left out when its end ("… done") is there.
  const key = (l: string) => l.replace(/( [\d.]+[kMGT]?B( \/ [\d.]+[kMGT]?B)?)?( done)?$/, '');
  const finished = (lines: Set<string>) => [...lines].filter((l) => l.endsWith(' done') || ![...lines].some((o) => o.endsWith(' done') && key(o) === key(l))).sort();
  for (const s of byId.values()) if (s.lines.has('DONE')) s.lines.delete('CACHED');
  const name = (n: string) => (n.startsWith('[internal]') || n.startsWith('[context ') ? n : n.replace(/^\[[^\]]*\] /, '[…] '));
  const steps = [...byId.values()].map((s) => `${name(s.name)}\n  ${finished(s.lines).join('\n  ')}`).sort();
  return [...steps, ...other].join('\n');
}
