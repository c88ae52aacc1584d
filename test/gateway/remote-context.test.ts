// Remote build contexts end to end: the `context` option as a git URL (served
// over git:// by `git daemon` and over smart HTTP by `git http-backend`) or an
// HTTP(S) URL (a .tar.gz, a .tar, a plain Dockerfile, served by a Node HTTP
// server in this process). Every case is built by the real buildkitd with our
// image and with upstream's v0.32.2 image as gateway.v0, ours first; the
// results must match: the same layer diff ids and image config (creation
// times aside), or the same error. When our LLB equals upstream's, upstream's
// build is served from the cache ours filled, so a difference in the source
// ops (git attrs, unpacking, subdir scoping) shows as different layers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, buildkitOrSkip, releaseBuildkit, repoRoot, uniqueRef } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { FIXTURE_ERRORS, assertSameOutcome, buildOutcome, compareEach, errorLines, gatewayArgs, pushArgs } from './lib/build.ts';
import type { Outcome } from './lib/build.ts';
import { Fixtures, gitHttpBackend, makeBranchedRepo, sendFile, sh } from './lib/servers.ts';

const FIXTURES = join(repoRoot, 'testdata', 'remote-context');

interface Case {
  name: string;
  /** the `context` option, from the servers' base URLs */
  context: (u: Urls) => string;
  opts?: Record<string, string>;
  /** local directories (name -> path under the fixtures) */
  locals?: Record<string, string>;
  fail?: boolean;
}

interface Urls {
  /** git://127.0.0.1:PORT (git daemon, base path holding repo.git) */
  git: string;
  /** http://127.0.0.1:PORT (git http-backend under /git/, files under /files/) */
  http: string;
}

const cases: Case[] = [
  { name: 'git-default', context: (u) => `${u.git}/repo.git` },
  { name: 'git-no-suffix', context: (u) => `${u.git}/repo` },
  { name: 'git-branch-subdir', context: (u) => `${u.git}/repo.git#feature:app` },
  { name: 'git-tag', context: (u) => `${u.git}/repo.git#v1` },
  { name: 'git-query-branch-subdir', context: (u) => `${u.git}/repo.git?branch=feature&subdir=app` },
  { name: 'git-query-tag', context: (u) => `${u.git}/repo.git?tag=v1` },
  { name: 'git-query-keep-git-dir', context: (u) => `${u.git}/repo.git?keep-git-dir=true` },
  { name: 'git-keep-git-dir-arg', context: (u) => `${u.git}/repo.git`, opts: { 'build-arg:BUILDKIT_CONTEXT_KEEP_GIT_DIR': '1' } },
  { name: 'git-source-date-epoch', context: (u) => `${u.git}/repo.git`, opts: { 'build-arg:SOURCE_DATE_EPOCH': '1700000000' } },
  {
    name: 'git-source-date-epoch-mtime-checkout',
    context: (u) => `${u.git}/repo.git?mtime=checkout`,
    opts: { 'build-arg:SOURCE_DATE_EPOCH': '1700000000' },
  },
  { name: 'git-filename', context: (u) => `${u.git}/repo.git`, opts: { filename: 'docker/alt.Dockerfile' } },
  { name: 'git-contextsubdir', context: (u) => `${u.git}/repo.git`, opts: { contextsubdir: 'app' } },
  { name: 'git-fragment-and-contextsubdir', context: (u) => `${u.git}/repo.git#feature`, opts: { contextsubdir: 'app' } },
  { name: 'git-contextkey', context: () => 'unused', opts: { contextkey: 'src', src: 'GIT/repo.git#main:app' } },
  {
    name: 'git-dockerfilekey-local',
    context: (u) => `${u.git}/repo.git`,
    opts: { dockerfilekey: 'df' },
    locals: { df: 'archive/sub' },
  },
  { name: 'git-http', context: (u) => `${u.http}/git/repo.git` },
  { name: 'git-http-fragment', context: (u) => `${u.http}/git/repo.git#feature:app` },
  { name: 'git-missing-dockerfile', context: (u) => `${u.git}/repo.git`, opts: { filename: 'nope/Dockerfile' }, fail: true },
  { name: 'git-bad-query', context: (u) => `${u.git}/repo.git?foo=bar`, fail: true },
  { name: 'git-bad-mtime', context: (u) => `${u.git}/repo.git?mtime=never`, fail: true },
  { name: 'git-unknown-ref', context: (u) => `${u.git}/repo.git#no-such-branch`, fail: true },
  { name: 'http-tar-gz', context: (u) => `${u.http}/files/ctx.tar.gz` },
  { name: 'http-tar', context: (u) => `${u.http}/files/ctx.tar` },
  { name: 'http-tar-gz-filename', context: (u) => `${u.http}/files/ctx.tar.gz`, opts: { filename: 'sub/Dockerfile' } },
  { name: 'http-tar-gz-contextsubdir', context: (u) => `${u.http}/files/ctx.tar.gz`, opts: { contextsubdir: 'sub', filename: 'sub/Dockerfile' } },
  { name: 'http-tar-gz-contextsubdir-run-fails', context: (u) => `${u.http}/files/ctx.tar.gz`, opts: { contextsubdir: 'sub' }, fail: true },
  { name: 'http-plain-dockerfile', context: (u) => `${u.http}/files/plain.Dockerfile` },
  { name: 'http-plain-filename-ignored', context: (u) => `${u.http}/files/plain.Dockerfile`, opts: { filename: 'other' } },
  { name: 'http-not-found', context: (u) => `${u.http}/files/missing.tar.gz`, fail: true },
  { name: 'http-tar-gz-missing-dockerfile', context: (u) => `${u.http}/files/ctx.tar.gz`, opts: { filename: 'none' }, fail: true },
];

let fixtures: Fixtures | undefined;
let urls: Urls | undefined;

before(async () => {
  const fx = new Fixtures('remote-context-');
  fixtures = fx;
  const work = fx.work;
  const repos = await makeBranchedRepo(work, join(FIXTURES, 'repo'), '2024-02-03T04:05:06Z');
  const files = join(work, 'files');
  mkdirSync(files);
  cpSync(join(FIXTURES, 'plain.Dockerfile'), join(files, 'plain.Dockerfile'));
  await sh('tar', ['-C', join(FIXTURES, 'archive'), '--sort=name', '--mtime=2024-01-01 00:00:00Z', '--owner=0', '--group=0', '-czf', join(files, 'ctx.tar.gz'), '.'], work);
  await sh('tar', ['-C', join(FIXTURES, 'archive'), '--sort=name', '--mtime=2024-01-01 00:00:00Z', '--owner=0', '--group=0', '-cf', join(files, 'ctx.tar'), '.'], work);

  const http = await fx.http((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname.startsWith('/git/')) {
      gitHttpBackend(req, res, repos, u.pathname.slice('/git'.length), u.search.replace(/^\?/, ''));
      return;
    }
    if (u.pathname.startsWith('/files/') && sendFile(res, files, u.pathname.slice('/files/'.length), { 'content-type': 'application/octet-stream' })) return;
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
  const ref = uniqueRef(`remote-${c.name}`);
  const args = gatewayArgs(frontend);
  if (!c.opts?.contextkey) args.push('--opt', `context=${c.context(u)}`);
  for (const [k, v] of Object.entries(c.opts ?? {})) args.push('--opt', `${k}=${v.replace(/^GIT/, u.git)}`);
  for (const [k, v] of Object.entries(c.locals ?? {})) args.push('--local', `${k}=${join(FIXTURES, v)}`);
  if (!c.fail) args.push(...pushArgs(ref));
  return buildOutcome(args, { ref: c.fail ? undefined : ref, errorOf: (e) => errorLines(e, FIXTURE_ERRORS) });
}

test(`e2e remote contexts over ${cases.length} cases (git://, smart HTTP git, tar.gz/tar/plain over HTTP; ours vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const u = urls;
  assert.ok(u, 'servers started');
  await compareEach(t, 'remote contexts', cases, (c) => c.name, async (c) => {
    const a = await build(c, ours, u);
    const b = await build(c, UPSTREAM_FRONTEND, u);
    assertSameOutcome(c.name, c.fail, a, b);
  });
});
