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
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, imageConfig, releaseBuildkit, repoRoot, run, uniqueRef } from '../e2e/harness.ts';
import type { ImageConfig } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';

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
  { name: 'stage-git', opts: (u) => ({ ...sde('src'), filename: 'stage.Dockerfile', 'build-arg:URL': `${u.git}/repo.git#v1` }) },
  {
    name: 'stage-not-scratch',
    opts: (u) => ({ ...sde('src'), filename: 'bad-stage.Dockerfile', 'build-arg:URL': `${u.http}/lm/a.txt` }),
    fail: true,
  },
];

let work = '';
const children: ChildProcess[] = [];
let server: Server | undefined;
let urls: Urls | undefined;

async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const r = await run(cmd, args, { cwd, env });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** repo.git: commit 1 (tag v1) at 2023-03-04 05:06:07 +0200, commit 2 on main at 2024-01-02 03:04:05 -0730. */
async function makeRepo(): Promise<string> {
  const src = join(work, 'src');
  cpSync(join(FIXTURES, 'repo'), src, { recursive: true });
  const env = {
    GIT_AUTHOR_NAME: 'e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: work,
  };
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

/** ctx.tar.gz (GNU format) and ctx-pax.tar (with sub-second mtimes); sub/b.txt is the newest regular file, the directories newer still. */
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
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'source-date-epoch-'));
  const repos = await makeRepo();
  const files = join(work, 'files');
  mkdirSync(files);
  cpSync(join(FIXTURES, 'repo', 'Dockerfile'), join(files, 'Dockerfile'));
  cpSync(join(FIXTURES, 'archive', 'a.txt'), join(files, 'a.txt'));
  await makeArchives(files);

  const gitPort = await freePort();
  const daemon = spawn(
    'git',
    ['daemon', '--reuseaddr', '--export-all', `--base-path=${repos}`, '--listen=127.0.0.1', `--port=${gitPort}`, repos],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(daemon);
  const daemonErr: Buffer[] = [];
  daemon.stderr?.on('data', (c: Buffer) => daemonErr.push(c));

  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/(files|lm)\/(.*)$/.exec(u.pathname);
    if (m !== null) {
      const p = normalize(join(files, m[2]));
      try {
        if (p.startsWith(files + '/') && statSync(p).isFile()) {
          const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
          if (m[1] === 'lm') headers['last-modified'] = LAST_MODIFIED;
          res.writeHead(200, headers).end(readFileSync(p));
          return;
        }
      } catch {
        // not found
      }
    }
    res.writeHead(404).end('not found\n');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  const httpPort = typeof a === 'object' && a !== null ? a.port : 0;

  const gitURL = `git://127.0.0.1:${gitPort}`;
  for (let i = 0; ; i++) {
    const r = await run('git', ['ls-remote', `${gitURL}/repo.git`], { timeoutMs: 10_000 });
    if (r.code === 0) break;
    if (i >= 50) throw new Error(`git daemon did not start: ${r.stderr}${Buffer.concat(daemonErr).toString()}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  urls = { git: gitURL, http: `http://127.0.0.1:${httpPort}` };
});

after(async () => {
  for (const c of children) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGTERM');
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (work) rmSync(work, { recursive: true, force: true });
  await releaseBuildkit();
});

interface Outcome {
  ok: boolean;
  stderr: string;
  config?: unknown;
  diffIds?: string[];
  error?: string;
}

function withoutTimes(c: ImageConfig): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as ImageConfig;
  delete copy.created;
  for (const h of copy.history ?? []) delete h.created;
  return copy;
}

function errorOf(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => /^[\w./-]*Dockerfile:\d+/.test(l) || / >>> /.test(l) || /^error: /.test(l))
    .map((l) => l.replace(/\b[a-z0-9]{25}\b/g, '<id>').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>'))
    .join('\n');
}

async function build(c: Case, frontend: string, u: Urls): Promise<Outcome> {
  const ref = uniqueRef(`sde-${c.name}`);
  const args = ['build', '--progress=plain', '--frontend', 'gateway.v0', '--opt', `source=${frontend}`];
  if (c.context) args.push('--opt', `context=${c.context(u)}`);
  else args.push('--local', `context=${join(FIXTURES, 'local')}`, '--local', `dockerfile=${join(FIXTURES, 'local')}`);
  for (const [k, v] of Object.entries(c.opts?.(u) ?? {})) args.push('--opt', `${k}=${v}`);
  if (!c.fail) args.push('--output', `type=image,name=${ref},push=true`);
  const r = await buildctl(args);
  if (r.code !== 0) return { ok: false, stderr: r.stderr, error: errorOf(r.stderr) };
  if (c.fail) return { ok: true, stderr: r.stderr };
  const cfg = await imageConfig(ref);
  return { ok: true, stderr: r.stderr, config: c.noEpoch ? withoutTimes(cfg) : cfg, diffIds: cfg.rootfs.diff_ids };
}

test(`e2e SOURCE_DATE_EPOCH from sources over ${cases.length} cases (context, named contexts, stages; ours vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const u = urls;
  assert.ok(u, 'servers started');
  const results = new Map<string, boolean>();
  await Promise.all(
    cases.map((c) =>
      t.test(c.name, { concurrency: true }, async () => {
        results.set(c.name, false);
        const a = await build(c, ours, u);
        const b = await build(c, UPSTREAM_FRONTEND, u);
        if (c.fail) {
          assert.equal(b.ok, false, `upstream was expected to fail ${c.name}`);
          assert.equal(a.ok, false, `ours built ${c.name}, upstream failed with:\n${b.error}`);
          assert.equal(a.error, b.error, `error differs; ours:\n${a.stderr}\nupstream:\n${b.stderr}`);
          assert.notEqual(b.error, '', 'upstream printed an error');
        } else {
          assert.ok(b.ok, `upstream failed to build ${c.name}:\n${b.stderr}`);
          assert.ok(a.ok, `ours failed to build ${c.name}:\n${a.stderr}`);
          assert.deepEqual(a.diffIds, b.diffIds, 'layer diff ids');
          assert.deepEqual(a.config, b.config, 'image config');
        }
        results.set(c.name, true);
      }),
    ),
  );
  const same = [...results.values()].filter((x) => x).length;
  const failed = [...results].filter(([, ok]) => !ok).map(([n]) => n);
  process.stderr.write(`e2e source-date-epoch: ${same}/${cases.length} identical${failed.length ? ` (different: ${failed.join(', ')})` : ''}\n`);
  t.diagnostic(`e2e source-date-epoch: ${same}/${cases.length} identical`);
});
