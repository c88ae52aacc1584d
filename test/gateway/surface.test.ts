// End-to-end: the rest of the gateway surface, ours against upstream's
// v0.32.2 image on the real buildkitd, each case built by both:
// - frontend.caps and the removed options: the same error (buildctl's
//   `error:` line, which shows the typed FrontendCap detail too) or success;
// - multi-platform results (`platform=a,b`, `multi-platform`,
//   BUILDKIT_MULTI_PLATFORM, a `FROM --platform=$BUILDPLATFORM` cross build):
//   with SOURCE_DATE_EPOCH fixed, the pushed index (or manifest) must have the
//   same digest, so every manifest, config and layer is the same;
// - named contexts (`context:NAME=docker-image://…` replacing a base image
//   and a stage, `local:` contexts): the same pushed digest;
// - cache import: an image pushed with inline cache by upstream's frontend,
//   then built on a fresh buildkitd (empty root, own socket) with
//   `cache-imports` and with `cache-from`: the same steps come from the cache.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  UPSTREAM_FRONTEND,
  binDir,
  buildctl,
  buildkitOrSkip,
  fetchManifest,
  instructionSteps,
  makeContext,
  parseProgress,
  releaseBuildkit,
  run,
  uniqueRef,
} from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { contextArgs, errorLines, gatewayArgs, localArgs, optArgs, pushArgs } from './lib/build.ts';

after(() => releaseBuildkit());

const BUSYBOX = 'localhost:5000/library/busybox:latest';
const EPOCH = '1700000000';

interface SurfaceCase {
  name: string;
  files: Record<string, string>;
  opts?: Record<string, string>;
  /** extra local directories: name → files */
  locals?: Record<string, Record<string, string>>;
  /** upstream fails: compare the error */
  fail?: boolean;
  /** the result must be an index with these platforms */
  platforms?: string[];
}

const MP_DF = `FROM busybox\nARG TARGETPLATFORM\nRUN echo "$TARGETPLATFORM" > /p && uname -m > /m\n`;
const CROSS_DF = [
  'FROM --platform=$BUILDPLATFORM busybox AS build',
  'ARG TARGETARCH TARGETPLATFORM BUILDPLATFORM',
  'RUN echo "$BUILDPLATFORM -> $TARGETPLATFORM ($TARGETARCH)" > /out',
  'FROM busybox',
  'COPY --from=build /out /out',
  'RUN cat /out',
  '',
].join('\n');
const SIMPLE_DF = 'FROM busybox\nRUN echo hi > /hi\n';

const cases: SurfaceCase[] = [
  // frontend.caps and removed options
  { name: 'caps-supported', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring' } },
  { name: 'caps-unknown', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.inputs,moby.buildkit.frontend.nope' }, fail: true },
  { name: 'caps-forward-no-syntax', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.x+forward' }, fail: true },
  // The daemon checks every named cap against the image's moby.buildkit.frontend.caps
  // label before the frontend runs (in map order: with two unknown caps either may be
  // named), skipping empty names; an empty item reaches the frontend's own check.
  { name: 'caps-empty-item', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.contexts,' }, fail: true },
  { name: 'caps-empty-middle', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.inputs,,moby.buildkit.frontend.contexts' }, fail: true },
  { name: 'caps-empty-forward', files: { Dockerfile: SIMPLE_DF }, opts: { 'frontend.caps': 'moby.buildkit.frontend.inputs,+forward' }, fail: true },
  {
    name: 'caps-empty-forward-syntax',
    files: { Dockerfile: `# syntax=${UPSTREAM_FRONTEND}\n${SIMPLE_DF}` },
    opts: { 'frontend.caps': '+forward,moby.buildkit.frontend.subrequests' },
    fail: true,
  },
  {
    name: 'caps-forward-with-syntax',
    files: { Dockerfile: `# syntax=${UPSTREAM_FRONTEND}\n${SIMPLE_DF}` },
    opts: { 'frontend.caps': 'moby.buildkit.frontend.x+forward' },
    fail: true,
  },
  { name: 'override-copy-image', files: { Dockerfile: SIMPLE_DF }, opts: { 'override-copy-image': 'busybox' }, fail: true },
  { name: 'disable-fileop-true', files: { Dockerfile: SIMPLE_DF }, opts: { 'build-arg:BUILDKIT_DISABLE_FILEOP': '1' }, fail: true },
  { name: 'disable-fileop-false', files: { Dockerfile: SIMPLE_DF }, opts: { 'build-arg:BUILDKIT_DISABLE_FILEOP': 'false' } },
  // multi-platform
  { name: 'mp-two', files: { Dockerfile: MP_DF }, opts: { platform: 'linux/amd64,linux/386' }, platforms: ['linux/amd64', 'linux/386'] },
  { name: 'mp-cross', files: { Dockerfile: CROSS_DF }, opts: { platform: 'linux/386,linux/amd64' }, platforms: ['linux/386', 'linux/amd64'] },
  { name: 'mp-forced-one', files: { Dockerfile: MP_DF }, opts: { platform: 'linux/386', 'multi-platform': 'true' }, platforms: ['linux/386'] },
  { name: 'mp-build-arg', files: { Dockerfile: MP_DF }, opts: { 'build-arg:BUILDKIT_MULTI_PLATFORM': '1' }, platforms: ['linux/amd64'] },
  { name: 'mp-single-386', files: { Dockerfile: CROSS_DF }, opts: { platform: 'linux/386' } },
  { name: 'mp-conflict', files: { Dockerfile: MP_DF }, opts: { platform: 'linux/amd64,linux/386', 'multi-platform': 'false' }, fail: true },
  { name: 'mp-bad-bool', files: { Dockerfile: MP_DF }, opts: { 'multi-platform': 'maybe' }, fail: true },
  // named contexts
  {
    name: 'named-image',
    files: { Dockerfile: 'FROM alpine:3.19\nRUN echo hi > /x\n' },
    opts: { 'context:alpine:3.19': `docker-image://${BUSYBOX}` },
  },
  {
    name: 'named-stage',
    files: { Dockerfile: 'FROM busybox AS build\nRUN echo built > /b\nFROM busybox\nCOPY --from=build /bin /from-build\nRUN ls /from-build > /list\n' },
    opts: { 'context:build': `docker-image://${BUSYBOX}` },
  },
  {
    name: 'named-local',
    files: { Dockerfile: 'FROM busybox\nCOPY --from=foo hello.txt /hello.txt\nRUN --mount=from=foo,target=/m cat /m/sub/x > /x\n' },
    locals: { mylocal: { 'hello.txt': 'hello\n', 'sub/x': 'x\n' } },
    opts: { 'context:foo': 'local:mylocal' },
  },
  {
    name: 'named-local-base',
    files: { Dockerfile: 'FROM base\nCOPY hello.txt /again.txt\n', 'hello.txt': 'ctx\n' },
    locals: { mylocal: { 'hello.txt': 'hello\n' } },
    opts: { 'context:base': 'local:mylocal' },
  },
  {
    name: 'named-platform-key',
    files: { Dockerfile: 'FROM alpine\nRUN echo hi > /x\n' },
    opts: { platform: 'linux/amd64,linux/386', 'context:alpine::linux/386': `docker-image://${BUSYBOX}`, 'context:alpine': `docker-image://${BUSYBOX}` },
    platforms: ['linux/amd64', 'linux/386'],
  },
];

interface Outcome {
  ok: boolean;
  error: string;
  digest: string;
  mediaType: string;
  platforms: string[];
  stderr: string;
}

function errorLine(stderr: string): string {
  return errorLines(stderr, { source: false });
}

async function buildCase(c: SurfaceCase, frontend: string, dirs: { ctx: string; locals: Record<string, string> }): Promise<Outcome> {
  const ref = uniqueRef(`surface-${c.name}`);
  const args = [...gatewayArgs(frontend), ...contextArgs(dirs.ctx), ...localArgs(dirs.locals)];
  args.push(...optArgs({ 'build-arg:SOURCE_DATE_EPOCH': EPOCH, ...(c.opts ?? {}) }));
  args.push(...pushArgs(ref));
  const r = await buildctl(args, { timeoutMs: 300_000 });
  if (r.code !== 0) return { ok: false, error: errorLine(r.stderr), digest: '', mediaType: '', platforms: [], stderr: r.stderr };
  const m = await fetchManifest(ref);
  const platforms =
    'manifests' in m.body ? m.body.manifests.map((d) => [d.platform?.os, d.platform?.architecture, d.platform?.variant].filter((x) => x).join('/')) : [];
  return { ok: true, error: '', digest: m.digest, mediaType: m.mediaType, platforms, stderr: r.stderr };
}

test(`e2e surface: ${cases.length} builds (caps, removed options, multi-platform, named contexts), ours vs upstream v0.32.2`, { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  let same = 0;
  const different: string[] = [];
  await Promise.all(
    cases.map((c) =>
      t.test(c.name, { concurrency: true }, async () => {
        const ctx = await makeContext(c.files);
        const locals: Record<string, string> = {};
        for (const [k, files] of Object.entries(c.locals ?? {})) locals[k] = await makeContext(files);
        try {
          const a = await buildCase(c, ours, { ctx, locals });
          const u = await buildCase(c, UPSTREAM_FRONTEND, { ctx, locals });
          try {
            assert.equal(u.ok, !c.fail, `upstream ${c.fail ? 'succeeded' : 'failed'}:\n${u.stderr.slice(-3000)}`);
            assert.equal(a.ok, u.ok, `ours ${a.ok ? 'succeeded' : 'failed'}, upstream did not:\n${a.stderr.slice(-3000)}`);
            assert.equal(a.error, u.error, 'error');
            if (u.ok) {
              if (c.platforms) assert.deepEqual(u.platforms, c.platforms, 'upstream platforms');
              assert.deepEqual(a.platforms, u.platforms, 'platforms');
              assert.equal(a.mediaType, u.mediaType, 'media type');
              assert.equal(a.digest, u.digest, 'pushed digest (index or manifest)');
            } else {
              assert.ok(u.error !== '', 'upstream printed an error');
            }
            same++;
          } catch (err) {
            different.push(c.name);
            throw err;
          }
        } finally {
          await rm(ctx, { recursive: true, force: true });
          for (const d of Object.values(locals)) await rm(d, { recursive: true, force: true });
        }
      }),
    ),
  );
  const msg = `e2e surface: ${same}/${cases.length} identical${different.length ? ` (different: ${different.join(', ')})` : ''}`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});

// ---------------------------------------------------------------- cache import on a fresh daemon

/** A second buildkitd with an empty root and its own socket (the shared one keeps the cache); stopped by pid. */
async function freshDaemon(envDir: string): Promise<{ host: string; stop: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bk-fresh-'));
  const root = join(dir, 'root');
  mkdirSync(root);
  const host = `unix://${join(dir, 'buildkitd.sock')}`;
  const shared = readFileSync(join(envDir, 'buildkitd', 'buildkitd.toml'), 'utf8');
  const toml = shared.replace(/^root = .*$/m, `root = "${root}"`).replace(/address = \[.*\]/, `address = ["${host}"]`);
  writeFileSync(join(dir, 'buildkitd.toml'), toml);
  const proc = spawn(join(binDir, 'buildkitd'), ['--config', join(dir, 'buildkitd.toml'), '--root', root, '--addr', host], {
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.pid !== undefined) process.kill(proc.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null && proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };
  for (let i = 0; i < 150; i++) {
    const r = await run(join(binDir, 'buildctl'), ['--addr', host, 'debug', 'workers'], { timeoutMs: 10_000 });
    if (r.code === 0) return { host, stop };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('the fresh buildkitd did not start');
}

const CACHE_DF = 'FROM busybox\nARG NONCE\nRUN echo "$NONCE" > /n\nCOPY f.txt /f\nRUN cat /n /f > /both\nRUN --network=none wc -c /both > /count\n';

test('e2e surface: cache import (inline cache pushed by upstream) on a fresh daemon, ours vs upstream', { timeout: 1_200_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const nonce = `${Date.now()}-${process.pid}`;
  const ctx = await makeContext({ Dockerfile: CACHE_DF, 'f.txt': 'file\n' });
  t.after(() => rm(ctx, { recursive: true, force: true }));
  const common = ['--progress=plain', '--local', `context=${ctx}`, '--local', `dockerfile=${ctx}`, '--opt', `build-arg:NONCE=${nonce}`];

  // Two cache sources: the exporter's inline cache, and the BUILDKIT_INLINE_CACHE
  // build arg, which BuildKit itself never reads (docker/buildx turn it into
  // --export-cache type=inline): with buildctl that image carries no cache, and
  // neither frontend may find any.
  const sources: { label: string; ref: string; args: string[]; reuse: boolean }[] = [
    { label: '--export-cache type=inline', ref: uniqueRef('surface-inline'), args: ['--export-cache', 'type=inline'], reuse: true },
    { label: 'BUILDKIT_INLINE_CACHE=1', ref: uniqueRef('surface-inline-arg'), args: ['--opt', 'build-arg:BUILDKIT_INLINE_CACHE=1'], reuse: false },
  ];
  for (const s of sources) {
    const r = await buildctl(['build', '--frontend', 'gateway.v0', '--opt', `source=${UPSTREAM_FRONTEND}`, ...common, ...s.args, '--output', `type=image,name=${s.ref},push=true`], {
      timeoutMs: 300_000,
    });
    assert.equal(r.code, 0, r.stderr);
  }

  const importKinds = (ref: string): { label: string; args: string[] }[] => [
    { label: 'cache-imports', args: ['--opt', `cache-imports=${JSON.stringify([{ Type: 'registry', Attrs: { ref } }])}`] },
    { label: 'cache-from', args: ['--opt', `cache-from=${ref}`] },
  ];
  let same = 0;
  let total = 0;
  const lines: string[] = [];
  for (const s of sources) {
    for (const k of importKinds(s.ref)) {
      total++;
      const outcome: Record<string, string[]> = {};
      for (const [who, frontend] of [
        ['ours', ours],
        ['upstream', UPSTREAM_FRONTEND],
      ] as const) {
        const d = await freshDaemon(env.dir);
        try {
          const r = await run(
            join(binDir, 'buildctl'),
            ['--addr', d.host, 'build', '--frontend', 'gateway.v0', '--opt', `source=${frontend}`, ...common, ...k.args],
            { timeoutMs: 300_000 },
          );
          assert.equal(r.code, 0, `${who} ${k.label} from ${s.label}:\n${r.stderr}`);
          // Sorted: cached steps are reported in no fixed order.
          outcome[who] = instructionSteps(parseProgress(r.stderr))
            .map((st) => `${st.name}: ${st.cached ? 'CACHED' : 'ran'}`)
            .sort();
        } finally {
          await d.stop();
        }
      }
      const label = `${k.label} from ${s.label}`;
      assert.equal(
        outcome.upstream.some((l) => /RUN cat/.test(l) && l.endsWith('CACHED')),
        s.reuse,
        `upstream ${s.reuse ? 'reused no' : 'reused'} cache (${label}):\n${outcome.upstream.join('\n')}`,
      );
      assert.deepEqual(outcome.ours, outcome.upstream, `steps (${label})`);
      lines.push(`${label}: ${outcome.upstream.filter((l) => l.endsWith('CACHED')).length}/${outcome.upstream.length} steps CACHED`);
      same++;
    }
  }
  const msg = `e2e surface cache import: ${same}/${total} identical (${lines.join('; ')})`;
  process.stderr.write(msg + '\n');
  t.diagnostic(msg);
});
