// SOURCE_DATE_EPOCH naming a source end to end: `context` (a git context
// served by `git daemon`, an HTTP Dockerfile with Last-Modified, HTTP tar
// archives without it, a local context), a named context (git, HTTP file,
// HTTP archive) and a stage (FROM scratch with one remote ADD: HTTP with
// Last-Modified, HTTP archive, git). Each case is built by the real buildkitd
// with our image and with upstream's v0.32.2 image as gateway.v0; the image
// config (history and `created` times included) and layers must be the same,
// or the error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, buildkitOrSkip, releaseBuildkit, repoRoot, uniqueRef } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { FIXTURE_ERRORS, assertSameOutcome, buildOutcome, compareEach, contextArgs, errorLines, gatewayArgs, optArgs, pushArgs } from './lib/build.ts';
import type { Outcome } from './lib/build.ts';
import { Fixtures, gitEnv, sendFile, sh } from './lib/servers.ts';

const FIXTURES = join(repoRoot, 'testdata', 'source-date-epoch');
const LAST_MODIFIED = 'Wed, 21 Oct 2015 07:28:00 GMT';

interface Urls {
  /** git://127.0.0.1:PORT (repo.git) */
  git: string;
  /** http://127.0.0.1:PORT: /files/ without Last-Modified, /lm/ with it */
  http: string;
}

interface Case {
  name: string;
  /** `context` option (a remote context); a local context when undefined */
  context?: (u: Urls) => string;
  opts?: (u: Urls) => Record<string, string>;
  fail?: boolean;
  /** no epoch results: history and `created` times are the build's, left out of the comparison */
  noEpoch?: boolean;
}

const sde = (v: string): Record<string, string> => ({ 'build-arg:SOURCE_DATE_EPOCH': v });

const cases: Case[] = [
  { name: 'context-git', context: (u) => `${u.git}/repo.git`, opts: () => sde('context') },
  { name: 'context-git-tag', context: (u) => `${u.git}/repo.git#v1`, opts: () => sde('context') },
  { name: 'context-git-global-arg', context: (u) => `${u.git}/repo.git`, opts: () => ({ filename: 'global.Dockerfile' }) },
  { name: 'context-http-dockerfile-last-modified', context: (u) => `${u.http}/lm/Dockerfile`, opts: () => sde('context') },
  { name: 'context-http-tar-gz', context: (u) => `${u.http}/files/ctx.tar.gz`, opts: () => sde('context') },
  { name: 'context-http-tar-last-modified', context: (u) => `${u.http}/lm/ctx.tar.gz`, opts: () => sde('context') },
  { name: 'context-http-dockerfile-no-time', context: (u) => `${u.http}/files/Dockerfile`, opts: () => sde('context'), noEpoch: true },
  { name: 'context-local', opts: () => sde('context'), noEpoch: true },
  { name: 'named-context-git', opts: (u) => ({ ...sde('src'), 'context:src': `${u.git}/repo.git` }) },
  { name: 'named-context-http-last-modified', opts: (u) => ({ ...sde('src'), 'context:src': `${u.http}/lm/a.txt` }) },
  { name: 'named-context-http-tar', opts: (u) => ({ ...sde('src'), 'context:src': `${u.http}/files/ctx.tar.gz` }) },
  { name: 'named-context-image', opts: () => ({ ...sde('src'), 'context:src': 'docker-image://busybox' }), noEpoch: true },
  {
    name: 'stage-http-last-modified',
    opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.http}/lm/a.txt` }),
  },
  { name: 'stage-http-tar', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.http}/files/ctx.tar.gz` }) },
  { name: 'stage-http-pax-tar', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.http}/files/ctx-pax.tar` }) },
  { name: 'named-context-http-pax-tar', opts: (u) => ({ ...sde('src'), 'context:src': `${u.http}/files/ctx-pax.tar` }) },
  { name: 'stage-http-tar-bz2', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.http}/files/ctx.tar.bz2` }) },
  { name: 'stage-http-tar-zst', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.http}/files/ctx.tar.zst` }) },
  { name: 'named-context-http-tar-zst', opts: (u) => ({ ...sde('src'), 'context:src': `${u.http}/files/ctx.tar.zst` }) },
  { name: 'stage-git', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.git}/repo.git#v1` }) },
  {
    name: 'stage-not-scratch',
    opts: (u) => ({ ...sde('src'), filename: 'bad-stage.Dockerfile', 'build-arg:URL': `${u.http}/lm/a.txt` }),
    fail: true,
  },
];

let fixtures: Fixtures | undefined;
let work = '';
let urls: Urls | undefined;

/** repo.git: commit 1 (tag v1) at 2023-03-04 05:06:07 +0200, commit 2 on main at 2024-01-02 03:04:05 -0730. */
async function makeRepo(): Promise<string> {
  const src = join(work, 'src');
  cpSync(join(FIXTURES, 'repo'), src, { recursive: true });
  const env = gitEnv(work);
  const first = { ...env, GIT_AUTHOR_DATE: '2023-03-04T05:06:07+02:00', GIT_COMMITTER_DATE: '2023-03-04T05:06:07+02:00' };
  const second = { ...env, GIT_AUTHOR_DATE: '2022-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2024-01-02T03:04:05-07:30' };
  await sh('git', ['init', '-q', '-b', 'main'], src, env);
  await sh('git', ['add', '-A'], src, first);
  await sh('git', ['commit', '-q', '-m', 'first'], src, first);
  await sh('git', ['tag', 'v1'], src, first);
  await sh('sh', ['-c', 'echo second >> file.txt'], src);
  await sh('git', ['commit', '-q', '-am', 'second'], src, second);
  const repos = join(work, 'repos');
  await sh('git', ['clone', '-q', '--bare', src, join(repos, 'repo.git')], work, env);
  return repos;
}

/** ctx.tar.gz (GNU format), ctx-pax.tar (with sub-second mtimes), ctx.tar.bz2 and ctx.tar.zst; sub/b.txt is the newest regular file, the directories newer still. */
async function makeArchives(files: string): Promise<void> {
  const dir = join(work, 'archive');
  cpSync(join(FIXTURES, 'archive'), dir, { recursive: true });
  const at = (p: string, iso: string): void => {
    const t = new Date(iso);
    utimesSync(join(dir, p), t, t);
  };
  at('Dockerfile', '2020-05-06T07:08:09Z');
  at('a.txt', '2021-02-03T04:05:06.250Z');
  at('sub/b.txt', '2022-07-08T09:10:11.750Z');
  at('sub', '2025-01-01T00:00:00Z');
  at('.', '2025-01-01T00:00:00Z');
  await sh('tar', ['-C', dir, '--sort=name', '--owner=0', '--group=0', '-czf', join(files, 'ctx.tar.gz'), '.'], work);
  await sh('tar', ['-C', dir, '--sort=name', '--owner=0', '--group=0', '--format=posix', '-cf', join(files, 'ctx-pax.tar'), '.'], work);
  await sh('tar', ['-C', dir, '--sort=name', '--owner=0', '--group=0', '-cjf', join(files, 'ctx.tar.bz2'), '.'], work);
  await sh('tar', ['-C', dir, '--sort=name', '--owner=0', '--group=0', '--zstd', '-cf', join(files, 'ctx.tar.zst'), '.'], work);
}

before(async () => {
  const fx = new Fixtures('source-date-epoch-');
  fixtures = fx;
  work = fx.work;
  const repos = await makeRepo();
  const files = join(work, 'files');
  mkdirSync(files);
  cpSync(join(FIXTURES, 'repo', 'Dockerfile'), join(files, 'Dockerfile'));
  cpSync(join(FIXTURES, 'archive', 'a.txt'), join(files, 'a.txt'));
  await makeArchives(files);

  const http = await fx.http((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/(files|lm)\/(.*)$/.exec(u.pathname);
    if (m !== null) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (m[1] === 'lm') headers['last-modified'] = LAST_MODIFIED;
      if (sendFile(res, files, m[2], headers)) return;
    }
    res.writeHead(404).end('not found\n');
  });
  const git = await fx.gitDaemon(repos);
  urls = { git, http };
});

after(async () => {
  await fixtures?.close();
  await releaseBuildkit();
});

async function build(c: Case, frontend: string, u: Urls): Promise<Outcome> {
  const ref = uniqueRef(`sde-${c.name}`);
  const args = gatewayArgs(frontend);
  if (c.context) args.push('--opt', `context=${c.context(u)}`);
  else args.push(...contextArgs(join(FIXTURES, 'local')));
  args.push(...optArgs(c.opts?.(u) ?? {}));
  if (!c.fail) args.push(...pushArgs(ref));
  // Epoch results: the config with its history and `created` times, as they are.
  return buildOutcome(args, { ref: c.fail ? undefined : ref, errorOf: (e) => errorLines(e, FIXTURE_ERRORS), keepTimes: !c.noEpoch });
}

test(`e2e SOURCE_DATE_EPOCH from sources over ${cases.length} cases (context, named contexts, stages; ours vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const u = urls;
  assert.ok(u, 'servers started');
  await compareEach(t, 'source-date-epoch', cases, (c) => c.name, async (c) => {
    const a = await build(c, ours, u);
    const b = await build(c, UPSTREAM_FRONTEND, u);
    assertSameOutcome(c.name, c.fail, a, b);
  });
});
