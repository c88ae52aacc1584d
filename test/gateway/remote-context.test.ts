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
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, imageConfig, releaseBuildkit, repoRoot, run, uniqueRef } from '../e2e/harness.ts';
import type { ImageConfig } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';

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

/** The fixture repository: main (two commits' worth of files), feature (one more commit), tag v1; bare copy in WORK/repos. */
async function makeRepo(): Promise<string> {
  const src = join(work, 'src');
  cpSync(join(FIXTURES, 'repo'), src, { recursive: true });
  const env = {
    GIT_AUTHOR_NAME: 'e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
    GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z',
    GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: work,
  };
  await sh('git', ['init', '-q', '-b', 'main'], src, env);
  await sh('git', ['add', '-A'], src, env);
  await sh('git', ['commit', '-q', '-m', 'fixture'], src, env);
  await sh('git', ['tag', 'v1'], src, env);
  await sh('git', ['checkout', '-q', '-b', 'feature'], src, env);
  writeFileSync(join(src, 'app', 'feature.txt'), 'only on the feature branch\n');
  await sh('git', ['add', '-A'], src, { ...env, GIT_AUTHOR_DATE: '2024-02-03T04:05:06Z', GIT_COMMITTER_DATE: '2024-02-03T04:05:06Z' });
  await sh('git', ['commit', '-q', '-m', 'feature'], src, { ...env, GIT_AUTHOR_DATE: '2024-02-03T04:05:06Z', GIT_COMMITTER_DATE: '2024-02-03T04:05:06Z' });
  await sh('git', ['checkout', '-q', 'main'], src, env);
  const repos = join(work, 'repos');
  await sh('git', ['clone', '-q', '--bare', src, join(repos, 'repo.git')], work, env);
  return repos;
}

/** `git http-backend` as a CGI program behind the Node server (smart HTTP). */
function gitHTTP(req: IncomingMessage, res: ServerResponse, repos: string, pathInfo: string, query: string): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: repos,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: pathInfo,
      QUERY_STRING: query,
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: '127.0.0.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
    };
    const enc = req.headers['content-encoding'];
    if (typeof enc === 'string') env.HTTP_CONTENT_ENCODING = enc;
    const proto = req.headers['git-protocol'];
    if (typeof proto === 'string') env.GIT_PROTOCOL = proto;
    const cgi = spawn('git', ['http-backend'], { env });
    const out: Buffer[] = [];
    cgi.stdout.on('data', (c: Buffer) => out.push(c));
    cgi.stderr.resume();
    cgi.stdin.end(body);
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      let sep = all.indexOf('\r\n\r\n');
      let sepLen = 4;
      if (sep < 0) {
        sep = all.indexOf('\n\n');
        sepLen = 2;
      }
      if (sep < 0) {
        res.writeHead(500).end();
        return;
      }
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of all.subarray(0, sep).toString('latin1').split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = parseInt(v, 10);
        else headers[k] = v;
      }
      res.writeHead(status, headers).end(all.subarray(sep + sepLen));
    });
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'remote-context-'));
  const repos = await makeRepo();
  const files = join(work, 'files');
  mkdirSync(files);
  cpSync(join(FIXTURES, 'plain.Dockerfile'), join(files, 'plain.Dockerfile'));
  await sh('tar', ['-C', join(FIXTURES, 'archive'), '--sort=name', '--mtime=2024-01-01 00:00:00Z', '--owner=0', '--group=0', '-czf', join(files, 'ctx.tar.gz'), '.'], work);
  await sh('tar', ['-C', join(FIXTURES, 'archive'), '--sort=name', '--mtime=2024-01-01 00:00:00Z', '--owner=0', '--group=0', '-cf', join(files, 'ctx.tar'), '.'], work);

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
    if (u.pathname.startsWith('/git/')) {
      gitHTTP(req, res, repos, u.pathname.slice('/git'.length), u.search.replace(/^\?/, ''));
      return;
    }
    if (u.pathname.startsWith('/files/')) {
      const p = normalize(join(files, u.pathname.slice('/files/'.length)));
      if (p.startsWith(files + '/')) {
        try {
          if (statSync(p).isFile()) {
            res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(p));
            return;
          }
        } catch {
          // not found
        }
      }
    }
    res.writeHead(404).end('not found\n');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const a = server.address();
  const httpPort = typeof a === 'object' && a !== null ? a.port : 0;

  // Wait until git daemon answers.
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

function stripTimes(c: ImageConfig): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as ImageConfig;
  delete copy.created;
  for (const h of copy.history ?? []) delete h.created;
  return copy;
}

/** The error as buildctl prints it: Dockerfile location lines and the `error:` line (random ids and ports masked). */
function errorOf(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => /^[\w./-]*Dockerfile:\d+/.test(l) || / >>> /.test(l) || /^error: /.test(l))
    .map((l) => l.replace(/\b[a-z0-9]{25}\b/g, '<id>').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>'))
    .join('\n');
}

async function build(c: Case, frontend: string, u: Urls): Promise<Outcome> {
  const ref = uniqueRef(`remote-${c.name}`);
  const args = ['build', '--progress=plain', '--frontend', 'gateway.v0', '--opt', `source=${frontend}`];
  if (!c.opts?.contextkey) args.push('--opt', `context=${c.context(u)}`);
  for (const [k, v] of Object.entries(c.opts ?? {})) args.push('--opt', `${k}=${v.replace(/^GIT/, u.git)}`);
  for (const [k, v] of Object.entries(c.locals ?? {})) args.push('--local', `${k}=${join(FIXTURES, v)}`);
  if (!c.fail) args.push('--output', `type=image,name=${ref},push=true`);
  const r = await buildctl(args);
  if (r.code !== 0) return { ok: false, stderr: r.stderr, error: errorOf(r.stderr) };
  if (c.fail) return { ok: true, stderr: r.stderr };
  const cfg = await imageConfig(ref);
  return { ok: true, stderr: r.stderr, config: stripTimes(cfg), diffIds: cfg.rootfs.diff_ids };
}

test(`e2e remote contexts over ${cases.length} cases (git://, smart HTTP git, tar.gz/tar/plain over HTTP; ours vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
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
  process.stderr.write(`e2e remote contexts: ${same}/${cases.length} identical${failed.length ? ` (different: ${failed.join(', ')})` : ''}\n`);
  t.diagnostic(`e2e remote contexts: ${same}/${cases.length} identical`);
});
