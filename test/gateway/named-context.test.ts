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
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UPSTREAM_FRONTEND, binDir, buildctl, buildkitOrSkip, releaseBuildkit, repoRoot, run, uniqueRef } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import {
  MASK_IDS,
  MASK_PORTS,
  assertSameOutcome,
  buildOutcome,
  compareEach,
  contextArgs,
  distinctRawWarnings,
  errorLines,
  gatewayArgs,
  optArgs,
  outcomeOf,
  pushArgs,
} from './lib/build.ts';
import type { Outcome } from './lib/build.ts';
import { Fixtures, makeBranchedRepo, sendFile, sh } from './lib/servers.ts';

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
  input?: { first: string; mode: 'metadata' | 'no-metadata' | 'missing' | `raw:${string}` };
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
  // input-metadata:NAME is a map[string][]byte in JSON, as json.Unmarshal reads one.
  {
    name: 'input-metadata-not-a-map',
    input: { first: 'FROM busybox\nRUN echo first > /out\n', mode: 'raw:[]' },
    dockerfile: 'FROM base\n',
    opts: () => ({}),
    fail: true,
  },
  {
    name: 'input-metadata-bad-base64',
    input: { first: 'FROM busybox\nRUN echo first > /out\n', mode: 'raw:{"containerimage.config":"e30"}' },
    dockerfile: 'FROM base\n',
    opts: () => ({}),
    fail: true,
  },
  {
    name: 'input-metadata-null-config',
    input: { first: 'FROM busybox\nRUN echo first > /out\n', mode: 'raw:{"containerimage.config":null}' },
    dockerfile: 'FROM base\n',
    opts: () => ({}),
    fail: true,
  },
  {
    // The config {"config":{"Env":["FOO=bar"]}} as an array of bytes, which json.Unmarshal takes for a []byte.
    name: 'input-metadata-config-as-byte-array',
    input: { first: 'FROM busybox\nRUN echo first > /out\n', mode: `raw:{"containerimage.config":[${[...Buffer.from('{"config":{"Env":["FOO=bar"]}}')].join(',')}]}` },
    dockerfile: 'FROM base AS build\nRUN echo "foo is $FOO" > /foo\nFROM scratch\nCOPY --from=build /foo /out /\n',
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

let fixtures: Fixtures | undefined;
let work = '';
let servers: Servers | undefined;

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
  const fx = new Fixtures('e2e-named-ctx-');
  fixtures = fx;
  work = fx.work;
  if (process.env.CI !== 'true' && spawnSync('git', ['--version']).status !== 0) return;
  const repos = await makeBranchedRepo(work, join(repoRoot, 'testdata', 'remote-context', 'repo'));
  const files = join(work, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'data.txt'), 'some data over http\n');
  const http = await fx.http((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === '/files/data.txt' && sendFile(res, files, 'data.txt', { 'content-type': 'text/plain', 'last-modified': 'Tue, 02 Jan 2024 03:04:05 GMT' })) return;
    res.writeHead(404).end('not found\n');
  });
  const git = await fx.gitDaemon(repos);
  servers = { git, http, layout: { dir: '', digest: '' } };
});

after(async () => {
  await fixtures?.close();
  await releaseBuildkit();
});

interface NamedOutcome extends Outcome {
  warnings?: string[];
}

/** The error as printed: Dockerfile location lines and the `error:` line (random ids, ports, temp dirs masked). */
function errorOf(stderr: string): string {
  return errorLines(stderr, { locations: 'named', masks: [MASK_IDS, MASK_PORTS, [/e2e-named-ctx-\w+/g, '<work>']] });
}

function writeDockerfile(dir: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Dockerfile'), text);
  return dir;
}

async function build(c: Case, frontend: string, s: Servers, host: string): Promise<NamedOutcome> {
  const ref = uniqueRef(`named-${c.name}`);
  const dir = writeDockerfile(mkdtempSync(join(work, 'case-')), c.dockerfile);
  const pushed = { ref: c.fail ? undefined : ref, errorOf };
  if (c.input !== undefined) {
    const first = writeDockerfile(mkdtempSync(join(work, 'first-')), c.input.first);
    const r = await run(join(binDir, 'inputsclient'), [host, frontend, first, dir, ref, c.input.mode], { timeoutMs: 300_000 });
    return outcomeOf(r.code, r.stderr, pushed);
  }
  // Warnings are read from the raw progress stream: buildctl's plain printer
  // drops a warning that arrives for a vertex it has already closed.
  const args = [...gatewayArgs(frontend, c.outlineWarnings ? 'rawjson' : 'plain'), ...contextArgs(dir)];
  args.push(...optArgs(c.opts(s)));
  args.push(...(c.args?.(s) ?? []));
  if (c.outlineWarnings) args.push('--opt', 'requestid=frontend.outline');
  else if (!c.fail) args.push(...pushArgs(ref));
  const timeout = { timeoutMs: 300_000 };
  if (c.outlineWarnings) {
    const r = await buildctl(args, timeout);
    return { ok: r.code === 0, stderr: r.stderr, warnings: distinctRawWarnings(r.stderr), error: errorOf(r.stderr) };
  }
  return buildOutcome(args, { ...pushed, run: timeout });
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
  await compareEach(t, 'named contexts', cases, (c) => c.name, async (c) => {
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
      assertSameOutcome(c.name, false, a, b);
    }
  });
});
