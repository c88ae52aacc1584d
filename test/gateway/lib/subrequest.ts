// Subrequests answered by our frontend and upstream's in one session, through
// the Go helper tools/buildkit/subrequest (buildctl prints only result.txt),
// and the corpora's base images replaced by ones the local registry holds.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, binDir, repoRoot, run } from '../../e2e/harness.ts';

/** One frontend's answer: its metadata entries (base64), or its error and the Dockerfile locations (errdefs.Source) it carries. */
export interface Answer {
  metadata?: Record<string, string>;
  error?: string;
  sources?: { filename: string; lines: [number, number][] }[];
}

let helper: Promise<string> | undefined;
/**
 * Builds tools/buildkit/subrequest once per process (Go's build cache makes
 * this quick after the first time), named after its source's digest so that
 * checkouts sharing .cache/bin never run another's version.
 */
export function subrequestHelper(): Promise<string> {
  helper ??= (async () => {
    const digest = createHash('sha256').update(await readFile(join(repoRoot, 'tools', 'buildkit', 'subrequest', 'main.go'))).digest('hex');
    const out = join(binDir, `subrequest-${digest.slice(0, 12)}`);
    const r = await run('go', ['build', '-trimpath', '-o', out, './subrequest'], { cwd: join(repoRoot, 'tools', 'buildkit'), timeoutMs: 600_000 });
    if (r.code !== 0) throw new Error(`building tools/buildkit/subrequest failed:\n${r.stderr}`);
    return out;
  })();
  return helper;
}

/** Runs `fn` with a new temporary directory (named PREFIX…) holding the Dockerfile, then removes it. */
export async function withDockerfile<T>(prefix: string, text: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    await writeFile(join(dir, 'Dockerfile'), text);
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The request (`opts`, with `requestid`) answered by ours and by upstream's frontend, in one session.
 * `inputLocals` (NAME: LOCAL) passes frontend inputs that are local sources.
 */
export async function ask(buildkitHost: string, ours: string, text: string, opts: Record<string, string>, tmpPrefix: string, inputLocals: Record<string, string> = {}): Promise<[Answer, Answer]> {
  const [a, u] = await askFrontends(buildkitHost, [ours, UPSTREAM_FRONTEND], text, opts, tmpPrefix, inputLocals);
  return [a, u];
}

/** How many more times askAgreeing asks both frontends when their answers differ. */
const RETRIES = 4;

/**
 * `ask`, asked again (both frontends, one session each time: the answers name
 * the session) while ours and upstream's differ, up to RETRIES more times.
 * Upstream's answer can vary from run to run on the real daemon: when one
 * base image fails to resolve, the others' resolutions are cancelled, and one
 * waiting in the frontend's resolve cache (flightcontrol) gets the first error
 * itself back as its context's cause, to which its stage adds its own FROM
 * line; so that line sometimes joins the failing stage's in the error's
 * locations. `asks` says how many asks it took (1: the first agreed).
 */
export async function askAgreeing(buildkitHost: string, ours: string, text: string, opts: Record<string, string>, tmpPrefix: string, inputLocals: Record<string, string> = {}): Promise<{ answers: [Answer, Answer]; asks: number }> {
  let answers = await ask(buildkitHost, ours, text, opts, tmpPrefix, inputLocals);
  let asks = 1;
  while (asks <= RETRIES && !sameAnswer(...answers)) {
    answers = await ask(buildkitHost, ours, text, opts, tmpPrefix, inputLocals);
    asks++;
  }
  return { answers, asks };
}

function sameAnswer(a: Answer, u: Answer): boolean {
  try {
    assertSameAnswer(a, u);
    return true;
  } catch {
    return false;
  }
}

/** The request answered by each frontend in turn (`dockerfile.v0`: the daemon's built-in one), in one session. */
export async function askFrontends(
  buildkitHost: string,
  frontends: string[],
  text: string,
  opts: Record<string, string>,
  tmpPrefix: string,
  inputLocals: Record<string, string> = {},
): Promise<Answer[]> {
  const bin = await subrequestHelper();
  return withDockerfile(tmpPrefix, text, async (dir) => {
    const args = ['-addr', buildkitHost, '-local', `context=${dir}`, '-local', `dockerfile=${dir}`];
    // Other local names (a `dockerfilekey` option's, an input's) are the same directory under that name.
    const names = new Set(['context', 'dockerfile']);
    for (const name of [opts.dockerfilekey, ...Object.values(inputLocals)]) {
      if (name === undefined || names.has(name)) continue;
      names.add(name);
      args.push('-local', `${name}=${dir}`);
    }
    for (const [k, v] of Object.entries(inputLocals)) args.push('-input-local', `${k}=${v}`);
    for (const f of frontends) args.push('-frontend', f);
    for (const [k, v] of Object.entries(opts)) args.push('-opt', `${k}=${v}`);
    const r = await run(bin, args, { timeoutMs: 300_000 });
    assert.equal(r.code, 0, `subrequest helper failed:\n${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, frontends.length, r.stdout);
    return lines.map((l) => JSON.parse(l) as Answer);
  });
}

/** The metadata entries, decoded (latin1: byte for byte). */
export function decoded(a: Answer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.metadata ?? {})) out[k] = Buffer.from(v, 'base64').toString('latin1');
  return out;
}

/** Ours (`a`) and upstream's (`u`) answers: the same error and locations, the same metadata keys, every entry byte for byte. */
export function assertSameAnswer(a: Answer, u: Answer): void {
  assert.equal(a.error, u.error, 'error');
  assert.deepEqual(a.sources ?? [], u.sources ?? [], 'error locations (errdefs.Source)');
  assert.deepEqual(Object.keys(decoded(a)).sort(), Object.keys(decoded(u)).sort(), 'metadata keys');
  for (const [k, v] of Object.entries(decoded(u))) assert.equal(decoded(a)[k], v, `metadata ${k}`);
}

/**
 * A corpus Dockerfile with images the local registry holds: alpine:3.19,
 * golang:1.22 and debian:bookworm become busybox:latest, node:20 the local
 * node:20, and a `# syntax=` directive is blanked out (same line numbers).
 */
export function localImages(text: string): string {
  return text
    .replace(/\b(alpine:3\.19|golang:1\.22|debian:bookworm)(?![\w.-])/g, 'busybox:latest')
    .replace(/\bnode:20\b/g, 'localhost:5000/library/node:20')
    .replace(/^# *syntax *=.*$/m, '#');
}
