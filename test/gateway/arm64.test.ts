// The multi-platform frontend image (linux/amd64 + linux/arm64 in one index,
// scripts/frontend-image.sh with FRONTEND_PLATFORMS) and a build run by its
// arm64 half, under emulation (qemu-user-static registered by
// scripts/e2e/binfmt.sh): the same image as upstream's frontend builds.
// CPU-heavy on a 2-core machine (the arm64 code-cache step and the frontend
// process run under qemu), so this is one small build.
//
// The frontend process starts slowly under emulation (node alone takes
// seconds under qemu on this 2-core machine), while BuildKit serves the
// frontend's pipes with golang.org/x/net/http2's Server, which drops a
// connection whose HTTP/2 preface has not come within a fixed 10 s. The
// image's entry point writes the preface before it loads the bundle
// (src/frontend/preface.ts), so the wait is met however slowly the rest
// loads; before that, most runs here failed with "frontend grpc server
// closed unexpectedly" about 10.3 s in.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  UPSTREAM_FRONTEND,
  buildctl,
  buildkitOrSkip,
  fetchManifest,
  imageConfig,
  imageManifest,
  inCI,
  makeContext,
  parseRef,
  releaseBuildkit,
  repoRoot,
  run,
  uniqueRef,
} from '../e2e/harness.ts';
import { OUR_FRONTEND } from './frontend-image.ts';
import { contextArgs, gatewayArgs, pushArgs, stripTimes } from './lib/build.ts';

after(() => releaseBuildkit());

test('the frontend image is one index for linux/amd64 and linux/arm64; its arm64 half builds under emulation as upstream does', { timeout: 1_200_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const binfmt = await run('bash', [join(repoRoot, 'scripts', 'e2e', 'binfmt.sh')]);
  if (binfmt.code !== 0) {
    if (inCI) assert.fail(`arm64 emulation could not be set up:\n${binfmt.stderr}`);
    t.skip(`no arm64 emulation: ${binfmt.stderr.trim()}`);
    return;
  }
  const ref = `${OUR_FRONTEND}-multiarch`;
  const built = await run('nice', ['bash', join(repoRoot, 'scripts', 'frontend-image.sh'), ref], {
    env: { BUILDKIT_HOST: env.buildkitHost, E2E_DIR: env.dir, FRONTEND_PLATFORMS: 'linux/amd64,linux/arm64' },
    timeoutMs: 1_200_000,
  });
  assert.equal(built.code, 0, `${built.stderr}${built.stdout}`);
  process.stderr.write(`# ${built.stdout.trim().split('\n').join('\n# ')}\n# ${built.stderr.trim().split('\n').at(-1)}\n`);

  const top = await fetchManifest(ref);
  assert.ok('manifests' in top.body, 'an image index');
  const platforms = top.body.manifests.map((m) => `${m.platform?.os}/${m.platform?.architecture}`).filter((p) => !p.startsWith('unknown/'));
  assert.deepEqual(platforms.sort(), ['linux/amd64', 'linux/arm64']);
  const armConfig = await imageConfig(ref, 'linux/arm64');
  assert.equal(armConfig.architecture, 'arm64');
  const amdConfig = await imageConfig(ref, 'linux/amd64');
  assert.deepEqual(armConfig.config?.Entrypoint, amdConfig.config?.Entrypoint);
  assert.deepEqual(armConfig.config?.Labels, amdConfig.config?.Labels);

  // The arm64 half by its manifest digest: a single-platform image of a
  // foreign platform, which the daemon runs as it is (under qemu).
  const armDigest = top.body.manifests.find((m) => m.platform?.architecture === 'arm64')?.digest;
  const r = parseRef(ref);
  const armFrontend = `${r.registry}/${r.repository}@${armDigest}`;
  assert.equal((await imageManifest(armFrontend)).config.digest, (await imageManifest(ref, 'linux/arm64')).config.digest);

  const nonce = `${Date.now()}-${process.pid}`;
  const ctx = await makeContext({
    Dockerfile: `FROM busybox AS base\nARG NONCE\nRUN echo "$NONCE" > /nonce\nFROM base\nCOPY hello.txt /hello.txt\nRUN cat /hello.txt /nonce > /both\nENV GREETING=hi\nCMD ["cat", "/both"]\n`,
    'hello.txt': 'hello from the arm64 frontend\n',
  });
  t.after(() => rm(ctx, { recursive: true, force: true }));
  const ours = uniqueRef('arm64-frontend-ours');
  const theirs = uniqueRef('arm64-frontend-upstream');
  const args = (frontend: string, out: string): string[] => [...gatewayArgs(frontend), '--opt', `build-arg:NONCE=${nonce}`, ...contextArgs(ctx), ...pushArgs(out)];
  const a = await buildctl(args(armFrontend, ours), { timeoutMs: 600_000 });
  assert.equal(a.code, 0, a.stderr);
  assert.match(a.stderr, new RegExp(`resolve image config for docker-image://${armFrontend.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const u = await buildctl(args(UPSTREAM_FRONTEND, theirs), { timeoutMs: 600_000 });
  assert.equal(u.code, 0, u.stderr);
  assert.deepEqual(stripTimes(await imageConfig(ours)), stripTimes(await imageConfig(theirs)));
});
