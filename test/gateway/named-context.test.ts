// Named contexts end to end, the forms surface.test.ts does not cover:
//   - git (`git daemon` serving a bare copy of testdata/remote-context/repo)
//     and HTTP (a Node server in this process) named contexts used by FROM,
//     COPY --from and RUN --mount from;
//   - oci-layout://STORE@sha256:... with buildctl --oci-layout STORE=DIR (a
//     layout exported by the daemon with --output type=oci);
//   - input:NAME (with and without input-metadata:NAME), passed by a build
//     client as upstream's testNamedInputContext does
//     (test/oracle/inputsclient: FrontendInputs in a gateway Solve);
//   - the WARN lines of a frontend.outline subrequest (build checks sent
//     with Warn while outlining, named contexts applied).
// Each case runs with our image and upstream's v0.32.2 image as gateway.v0,
// ours first: the same layer diff ids and image config (creation times
// aside), or the same error, or the same WARN lines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, binDir, buildctl, buildkitOrSkip, imageConfig, releaseBuildkit, repoRoot, run, uniqueRef } from '../e2e/harness.ts';
import type { ImageConfig } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';

interface Servers {
  /** git://127.0.0.1:PORT (repo.git) */
  git: string;
  /** http://127.0.0.1:PORT (files under /files/) */
  http: string;
  /** the OCI layout directory and the manifest digest in it */
  layout: { dir: string; digest: string };
}

interface Case {
  name: string;
  dockerfile: string;
  opts: (s: Servers) => Record<string, string>;
  /** further buildctl arguments */
  args?: (s: Servers) => string[];
  fail?: boolean;
  /** run as a frontend.outline subrequest and compare the WARN lines */
  outlineWarnings?: boolean;
  /** built by test/oracle/inputsclient: the first Dockerfile, and the mode */
  input?: { first: string; mode: 'metadata' | 'no-metadata' | 'missing' };
}

const cases: Case[] = [
  { name: 'git-from', dockerfile: 'FROM base\nENV A=1\n', opts: (s) => ({ 'context:base': `${s.git}/repo.git` }) },
  {
    name: 'git-copy-from-branch-subdir',
    dockerfile: 'FROM busybox\nCOPY --from=src / /src/\nRUN ls -R /src > /listing\n',
    opts: (s) => ({ 'context:src': `${s.git}/repo.git#feature:app` }),
  },
  {
    name: 'git-run-mount-from',
    dockerfile: 'FROM busybox\nRUN --mount=from=src,target=/s cat /s/top.txt > /top && ls /s > /ls\n',
    opts: (s) => ({ 'context:src': `${s.git}/repo.git#v1` }),
  },
  {
    name: 'git-stage-replaced',
    dockerfile: 'FROM busybox AS src\nRUN echo replaced > /x\nFROM busybox\nCOPY --from=src /top.txt /\n',
    opts: (s) => ({ 'context:src': `${s.git}/repo.git` }),
  },
  { name: 'git-unknown-ref', dockerfile: 'FROM busybox\nCOPY --from=src / /src/\n', opts: (s) => ({ 'context:src': `${s.git}/repo.git#nope` }), fail: true },
  {
    name: 'http-copy-from',
    dockerfile: 'FROM busybox\nCOPY --from=data /context /data.txt\n',
    opts: (s) => ({ 'context:data': `${s.http}/files/data.txt` }),
  },
  {
    name: 'http-run-mount-from',
    dockerfile: 'FROM busybox\nRUN --mount=from=data,target=/d cp /d/context /copied && ls -l /d > /ls\n',
    opts: (s) => ({ 'context:data': `${s.http}/files/data.txt` }),
  },
  {
    name: 'http-from',
    dockerfile: 'FROM data\nLABEL x=y\n',
    opts: (s) => ({ 'context:data': `${s.http}/files/data.txt` }),
  },
  { name: 'http-not-found', dockerfile: 'FROM busybox\nCOPY --from=data /context /\n', opts: (s) => ({ 'context:data': `${s.http}/files/missing` }), fail: true },
  {
    name: 'oci-layout-from',
    dockerfile: 'FROM base\nRUN echo "$LAYOUT_ENV" > /env && cat /layout-file >> /env\n',
    opts: (s) => ({ 'context:base': `oci-layout://store@${s.layout.digest}` }),
    args: (s) => ['--oci-layout', `store=${s.layout.dir}`],
  },
  {
    name: 'oci-layout-copy-from-and-mount',
    dockerfile: 'FROM busybox\nCOPY --from=alpine:3.19 /layout-file /copied\nRUN --mount=from=alpine:3.19,target=/l cat /l/layout-file > /mounted\n',
    opts: (s) => ({ 'context:alpine:3.19': `oci-layout://store@${s.layout.digest}` }),
    args: (s) => ['--oci-layout', `store=${s.layout.dir}`],
  },
  {
    name: 'oci-layout-no-digest',
    dockerfile: 'FROM base\n',
    opts: () => ({ 'context:base': 'oci-layout://store:latest' }),
    args: (s) => ['--oci-layout', `store=${s.layout.dir}`],
    fail: true,
  },
  {
    name: 'oci-layout-unknown-digest',
    dockerfile: 'FROM base\n',
    opts: () => ({ 'context:base': 'oci-layout://store@sha256:0000000000000000000000000000000000000000000000000000000000000000' }),
    args: (s) => ['--oci-layout', `store=${s.layout.dir}`],
    fail: true,
  },
  {
    name: 'input-with-metadata',
    input: { first: 'FROM busybox\nENV FOO=bar\nRUN echo first > /out\n', mode: 'metadata' },
    dockerfile: 'FROM base AS build\nRUN echo "foo is $FOO" > /foo\nFROM scratch\nCOPY --from=build /foo /out /\n',
    opts: () => ({}),
  },
  {
    name: 'input-without-metadata',
    input: { first: 'FROM busybox\nENV FOO=bar\nRUN echo first > /out\n', mode: 'no-metadata' },
    dockerfile: 'FROM base\nRUN echo "foo is $FOO" > /foo\n',
    opts: () => ({}),
  },
  {
    name: 'input-missing',
    input: { first: 'FROM busybox\nRUN echo first > /out\n', mode: 'missing' },
    dockerfile: 'FROM base\n',
    opts: () => ({}),
    fail: true,
  },
  {
    name: 'outline-warnings-named-context',
    outlineWarnings: true,
    dockerfile: 'from base as Build\nARG SECRET_TOKEN=x\nENV A=$UNDEFINED_THING\nCOPY --from=src / /s\nFROM build\n',
    opts: (s) => ({ 'context:base': `oci-layout://store@${s.layout.digest}`, 'context:src': `${s.git}/repo.git` }),
    args: (s) => ['--oci-layout', `store=${s.layout.dir}`],
  },
];

let work = '';
const children: ChildProcess[] = [];
let server: Server | undefined;
let servers: Servers | undefined;

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

/** A bare repository of testdata/remote-context/repo: main, feature (one more commit), tag v1. */
async function makeRepo(): Promise<string> {
  const src = join(work, 'src');
  cpSync(join(repoRoot, 'testdata', 'remote-context', 'repo'), src, { recursive: true });
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
  await sh('git', ['add', '-A'], src, env);
  await sh('git', ['commit', '-q', '-m', 'feature'], src, env);
  await sh('git', ['checkout', '-q', 'main'], src, env);
  const repos = join(work, 'repos');
  await sh('git', ['clone', '-q', '--bare', src, join(repos, 'repo.git')], work, env);
  return repos;
}

/** An OCI layout made by the daemon (busybox plus a file and an env var), unpacked into WORK/layout. */
async function makeLayout(): Promise<{ dir: string; digest: string }> {
  const ctx = join(work, 'layout-src');
  mkdirSync(ctx, { recursive: true });
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM busybox\nENV LAYOUT_ENV=from-layout\nRUN echo layout > /layout-file\nWORKDIR /w\n');
  const tar = join(work, 'layout.tar');
  const r = await buildctl(['build', '--frontend', 'dockerfile.v0', '--local', `context=${ctx}`, '--local', `dockerfile=${ctx}`, '--output', `type=oci,dest=${tar}`], {
    timeoutMs: 300_000,
  });
  if (r.code !== 0) throw new Error(`exporting the OCI layout failed:\n${r.stderr}`);
  const dir = join(work, 'layout');
  mkdirSync(dir, { recursive: true });
  await sh('tar', ['-xf', tar, '-C', dir], work);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const digest = index.manifests[0]?.digest;
  assert.ok(digest, 'index.json names a manifest');
  return { dir, digest };
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'e2e-named-ctx-'));
  if (process.env.CI !== 'true' && spawnSync('git', ['--version']).status !== 0) return;
  const repos = await makeRepo();
  const gitPort = await freePort();
  const daemon = spawn('git', ['daemon', '--reuseaddr', '--export-all', `--base-path=${repos}`, '--listen=127.0.0.1', `--port=${gitPort}`, repos], {
    stdio: 'ignore',
  });
  children.push(daemon);
  const files = join(work, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'data.txt'), 'some data over http\n');
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/files/data.txt') {
      res.writeHead(200, { 'content-type': 'text/plain', 'last-modified': 'Tue, 02 Jan 2024 03:04:05 GMT' });
      res.end(readFileSync(join(files, 'data.txt')));
      return;
    }
    res.writeHead(404).end('not found\n');
  });
  const httpPort = await freePort();
  await new Promise<void>((resolve) => server!.listen(httpPort, '127.0.0.1', () => resolve()));
  // git daemon needs a moment to listen.
  for (let i = 0; i < 50; i++) {
    const r = await run('git', ['ls-remote', `git://127.0.0.1:${gitPort}/repo.git`], { cwd: work });
    if (r.code === 0) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  servers = { git: `git://127.0.0.1:${gitPort}`, http: `http://127.0.0.1:${httpPort}`, layout: { dir: '', digest: '' } };
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
  warnings?: string[];
}

function stripTimes(c: ImageConfig): unknown {
  const copy = JSON.parse(JSON.stringify(c)) as ImageConfig;
  delete copy.created;
  for (const h of copy.history ?? []) delete h.created;
  return copy;
}

/** The error as printed: Dockerfile location lines and the `error:` line (random ids, ports, temp dirs masked). */
function errorOf(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => /^[\w./-]*Dockerfile:\d+/.test(l) || / >>> /.test(l) || /^error: /.test(l))
    .map((l) =>
      l
        .replace(/\b[a-z0-9]{25}\b/g, '<id>')
        .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
        .replace(/e2e-named-ctx-\w+/g, '<work>'),
    )
    .join('\n');
}

function writeDockerfile(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), text);
  return dir;
}

async function build(c: Case, frontend: string, s: Servers, host: string): Promise<Outcome> {
  const ref = uniqueRef(`named-${c.name}`);
  const dir = writeDockerfile(mkdtempSync(join(work, 'case-')), c.dockerfile);
  if (c.input !== undefined) {
    const first = writeDockerfile(mkdtempSync(join(work, 'first-')), c.input.first);
    const r = await run(join(binDir, 'inputsclient'), [host, frontend, first, dir, ref, c.input.mode], { timeoutMs: 300_000 });
    if (r.code !== 0) return { ok: false, stderr: r.stderr, error: errorOf(r.stderr) };
    if (c.fail) return { ok: true, stderr: r.stderr };
    const cfg = await imageConfig(ref);
    return { ok: true, stderr: r.stderr, config: stripTimes(cfg), diffIds: cfg.rootfs.diff_ids };
  }
  // Warnings are read from the raw progress stream: buildctl's plain printer
  // drops a warning that arrives for a vertex it has already closed.
  const progress = c.outlineWarnings ? 'rawjson' : 'plain';
  const args = ['build', `--progress=${progress}`, '--frontend', 'gateway.v0', '--opt', `source=${frontend}`, '--local', `context=${dir}`, '--local', `dockerfile=${dir}`];
  for (const [k, v] of Object.entries(c.opts(s))) args.push('--opt', `${k}=${v}`);
  args.push(...(c.args?.(s) ?? []));
  if (c.outlineWarnings) args.push('--opt', 'requestid=frontend.outline');
  else if (!c.fail) args.push('--output', `type=image,name=${ref},push=true`);
  const r = await buildctl(args, { timeoutMs: 300_000 });
  if (c.outlineWarnings) {
    const seen = new Set<string>();
    for (const line of r.stderr.split('\n')) {
      if (!line.startsWith('{')) continue;
      const st = JSON.parse(line) as { warnings?: { short?: string }[] };
      for (const w of st.warnings ?? []) seen.add(Buffer.from(w.short ?? '', 'base64').toString('utf8'));
    }
    const warnings = [...seen].sort();
    return { ok: r.code === 0, stderr: r.stderr, warnings, error: errorOf(r.stderr) };
  }
  if (r.code !== 0) return { ok: false, stderr: r.stderr, error: errorOf(r.stderr) };
  if (c.fail) return { ok: true, stderr: r.stderr };
  const cfg = await imageConfig(ref);
  return { ok: true, stderr: r.stderr, config: stripTimes(cfg), diffIds: cfg.rootfs.diff_ids };
}

/** Builds the Go build client that passes inputs (test/oracle/inputsclient). */
async function buildInputsClient(): Promise<void> {
  const r = await run('go', ['build', '-buildvcs=false', '-o', join(binDir, 'inputsclient'), './inputsclient'], {
    cwd: join(repoRoot, 'test', 'oracle'),
    env: { CGO_ENABLED: '0' },
    timeoutMs: 600_000,
  });
  if (r.code !== 0) throw new Error(`building test/oracle/inputsclient failed:\n${r.stderr}`);
}

test(`e2e named contexts over ${cases.length} cases (git, http, oci-layout, input; outline warnings; ours vs upstream v0.32.2)`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  assert.ok(servers, 'git is installed and the servers started');
  const s = servers;
  const [ours] = await Promise.all([ensureFrontendImage(), buildInputsClient()]);
  s.layout = await makeLayout();
  const results = new Map<string, boolean>();
  await Promise.all(
    cases.map((c) =>
      t.test(c.name, { concurrency: true }, async () => {
        results.set(c.name, false);
        const a = await build(c, ours, s, env.buildkitHost);
        const b = await build(c, UPSTREAM_FRONTEND, s, env.buildkitHost);
        if (c.outlineWarnings) {
          assert.ok(b.ok, `upstream's outline failed:\n${b.stderr}`);
          assert.ok(a.ok, `our outline failed:\n${a.stderr}`);
          assert.ok((b.warnings ?? []).length > 0, `upstream printed no WARN line:\n${b.stderr}`);
          assert.deepEqual(a.warnings, b.warnings, 'WARN lines');
        } else if (c.fail) {
          assert.equal(b.ok, false, `upstream was expected to fail ${c.name}`);
          assert.equal(a.ok, false, `ours built ${c.name}, upstream failed with:\n${b.error}`);
          assert.notEqual(b.error, '', `upstream printed an error:\n${b.stderr}`);
          assert.equal(a.error, b.error, `error differs; ours:\n${a.stderr}\nupstream:\n${b.stderr}`);
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
  process.stderr.write(`e2e named contexts: ${same}/${cases.length} identical${failed.length ? ` (different: ${failed.join(', ')})` : ''}\n`);
  t.diagnostic(`e2e named contexts: ${same}/${cases.length} identical`);
});
