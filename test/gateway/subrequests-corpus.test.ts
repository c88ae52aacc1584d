// End-to-end outline, targets and lint for the whole subrequest corpus
// (testdata/subrequests), ours against upstream's v0.32.2 image on the real
// buildkitd. For every Dockerfile: outline with no options and with each
// target / build-arg case of cases.json, targets, and lint; every metadata
// entry (result.json, result.txt, version, result.statuscode) byte for byte,
// or the same error. Both frontends are asked within one session by
// tools/buildkit/subrequest.
//
// The corpus names images the local registry does not hold: each file gets
// busybox:latest (and the local node:20) in their place before both
// frontends see it, with a few per-file substitutions below. Files whose
// point is an image that cannot be substituted are left out (EXCLUDED).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, binDir, buildkitOrSkip, releaseBuildkit, repoRoot, run } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';

after(() => releaseBuildkit());

const DIR = join(repoRoot, 'testdata', 'subrequests');

/** Files that need an image the local registry cannot stand in for (an ONBUILD image of the oracle's metadata). */
const EXCLUDED = new Set(['38-onbuild-image.Dockerfile']);

/** Per-file substitutions applied before the common ones. */
const PER_FILE: Record<string, [RegExp, string][]> = {
  // FROM ${IMAGE}:${TAG} with IMAGE=docker.io/library/alpine and TAG=3.19.
  '09-meta-deps.Dockerfile': [
    [/\/alpine$/m, '/busybox'],
    [/^ARG TAG=3\.19$/m, 'ARG TAG=latest'],
  ],
  '25-copy-from-image.Dockerfile': [[/alpine:3\.20/g, 'busybox:latest']],
  // FROM alpine:${USED_META} with USED_META=3.19 (two stages: unresolvable, lint would race upstream's parallel resolution).
  '06-unreachable.Dockerfile': [
    [/FROM alpine:\$\{USED_META\}/g, 'FROM busybox:${USED_META}'],
    [/^ARG USED_META=3\.19$/m, 'ARG USED_META=latest'],
  ],
};

function localText(file: string): string {
  let text = readFileSync(join(DIR, file), 'latin1');
  for (const [re, s] of PER_FILE[file] ?? []) text = text.replace(re, s);
  return text
    .replace(/\b(alpine:3\.19|golang:1\.22|debian:bookworm)(?![\w.-])/g, 'busybox:latest')
    .replace(/\bnode:20\b/g, 'localhost:5000/library/node:20')
    .replace(/^# *syntax *=.*$/m, '#');
}

interface OutlineCase {
  target?: string;
  buildArgs?: Record<string, string>;
  opts?: Record<string, string>;
}

interface Answer {
  metadata?: Record<string, string>;
  error?: string;
}

let helper: Promise<string> | undefined;
function subrequestHelper(): Promise<string> {
  helper ??= (async () => {
    const out = join(binDir, 'subrequest');
    const r = await run('go', ['build', '-trimpath', '-o', out, './subrequest'], { cwd: join(repoRoot, 'tools', 'buildkit'), timeoutMs: 600_000 });
    if (r.code !== 0) throw new Error(`building tools/buildkit/subrequest failed:\n${r.stderr}`);
    return out;
  })();
  return helper;
}

/** The request answered by ours and by upstream's frontend, in one session. */
async function ask(buildkitHost: string, ours: string, text: string, opts: Record<string, string>): Promise<[Answer, Answer]> {
  const bin = await subrequestHelper();
  const dir = await mkdtemp(join(tmpdir(), 'subreq-corpus-'));
  try {
    await writeFile(join(dir, 'Dockerfile'), text);
    const args = ['-addr', buildkitHost, '-local', `context=${dir}`, '-local', `dockerfile=${dir}`, '-frontend', ours, '-frontend', UPSTREAM_FRONTEND];
    for (const [k, v] of Object.entries(opts)) args.push('-opt', `${k}=${v}`);
    const r = await run(bin, args, { timeoutMs: 300_000 });
    assert.equal(r.code, 0, `subrequest helper failed:\n${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    return [JSON.parse(lines[0]) as Answer, JSON.parse(lines[1]) as Answer];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function decoded(a: Answer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a.metadata ?? {})) out[k] = Buffer.from(v, 'base64').toString('latin1');
  return out;
}

interface Request {
  file: string;
  request: string;
  opts: Record<string, string>;
}

function requests(): Request[] {
  const cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as Record<string, OutlineCase[]>;
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.Dockerfile') && !EXCLUDED.has(f))
    .sort();
  const out: Request[] = [];
  for (const file of files) {
    // Named-context cases name images by their corpus names; the parity test covers them.
    const extra = (cases[file] ?? []).filter((c) => c.opts === undefined);
    for (const c of [{}, ...extra] as OutlineCase[]) {
      const opts: Record<string, string> = {};
      if (c.target !== undefined) opts.target = c.target;
      for (const [k, v] of Object.entries(c.buildArgs ?? {})) opts[`build-arg:${k}`] = v;
      out.push({ file, request: 'frontend.outline', opts });
    }
    out.push({ file, request: 'frontend.targets', opts: {} });
    out.push({ file, request: 'frontend.lint', opts: {} });
  }
  return out;
}

const all = requests();
const fileCount = new Set(all.map((r) => r.file)).size;

test(`e2e subrequests corpus: ${all.length} requests over ${fileCount} Dockerfiles, ours vs upstream v0.32.2`, { timeout: 3_600_000 }, async (t) => {
  assert.ok(fileCount >= 30, `expected at least 30 Dockerfiles, found ${fileCount}`);
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  let upstreamErrors = 0;
  const different: string[] = [];
  for (const c of all) {
    const name = `${c.request} ${c.file}${Object.keys(c.opts).length > 0 ? ' ' + JSON.stringify(c.opts) : ''}`;
    await t.test(name, async () => {
      const [a, u] = await ask(env.buildkitHost, ours, localText(c.file), { requestid: c.request, ...c.opts });
      try {
        assert.equal(a.error, u.error, 'error');
        assert.deepEqual(Object.keys(decoded(a)).sort(), Object.keys(decoded(u)).sort(), 'metadata keys');
        for (const [k, v] of Object.entries(decoded(u))) assert.equal(decoded(a)[k], v, `metadata ${k}`);
        if (u.error !== undefined) upstreamErrors++;
        same++;
      } catch (err) {
        different.push(name);
        throw err;
      }
    });
  }
  const msg =
    `e2e subrequests corpus: ${same}/${all.length} identical (${fileCount} Dockerfiles; ${upstreamErrors} answered with the same error)` +
    (different.length ? ` (different: ${different.join('; ')})` : '');
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});
