// End-to-end smoke test of the test environment itself: a real buildkitd
// builds a Dockerfile through upstream's Dockerfile frontend image (gateway.v0,
// pulled from the local registry), pushes the image to the local registry,
// and a second identical build is served entirely from the cache.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import {
  BUSYBOX,
  UPSTREAM_FRONTEND,
  build,
  buildkitOrSkip,
  imageConfig,
  imageLayers,
  instructionSteps,
  layerDiffIds,
  makeContext,
  releaseBuildkit,
  uniqueRef,
} from './harness.ts';

after(() => releaseBuildkit());

const dockerfile = `FROM busybox
ARG NONCE
RUN echo "run $NONCE" > /run.txt && mkdir -p /app
COPY hello.txt /app/hello.txt
ENV GREETING=hi
WORKDIR /app
CMD ["cat", "/app/hello.txt"]
`;

test('upstream frontend via gateway.v0 builds, pushes, and rebuilds from cache', { timeout: 600_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ctx = await makeContext({ Dockerfile: dockerfile, 'hello.txt': 'hello from the smoke test\n' });
  t.after(() => rm(ctx, { recursive: true, force: true }));
  const ref = uniqueRef('smoke');
  // A fresh NONCE makes the RUN step new to the daemon even if it is reused.
  const nonce = `${Date.now()}-${Math.random()}`;
  const buildOpts = {
    context: ctx,
    frontend: UPSTREAM_FRONTEND, // through gateway.v0
    opts: { 'build-arg:NONCE': nonce },
    output: `type=image,name=${ref},push=true`,
  };

  const first = await build(buildOpts);
  assert.equal(first.code, 0, `first build failed:\n${first.stderr}`);
  assert.match(first.stderr, /docker-image:\/\/localhost:5000\/upstream\/dockerfile:v0\.32\.2/);
  const steps1 = instructionSteps(first.steps);
  const run1 = steps1.find((s) => s.name.includes('RUN echo'));
  assert.ok(run1, `no RUN step in:\n${first.stderr}`);
  assert.equal(run1.cached, false, 'the RUN step with a fresh NONCE ran');
  assert.ok(run1.done);

  const config = await imageConfig(ref);
  assert.equal(config.os, 'linux');
  assert.equal(config.architecture, 'amd64');
  assert.equal(config.config.WorkingDir, '/app');
  assert.deepEqual(config.config.Cmd, ['cat', '/app/hello.txt']);
  assert.ok(config.config.Env?.includes('GREETING=hi'), `Env: ${JSON.stringify(config.config.Env)}`);
  assert.ok(config.config.Env?.some((e) => e.startsWith('PATH=')));

  // The base image's layers come first, then the RUN and COPY layers.
  const base = await layerDiffIds(BUSYBOX);
  const ids = config.rootfs.diff_ids;
  assert.deepEqual(ids.slice(0, base.length), base);
  assert.ok(ids.length >= base.length + 2, `diff_ids: ${JSON.stringify(ids)}`);
  const layers = await imageLayers(ref);
  const files = (i: number) => layers[i]!.map((e) => e.name.replace(/^\.?\//, ''));
  const runLayer = layers.findIndex((l) => l.some((e) => e.name.replace(/^\.?\//, '') === 'run.txt'));
  assert.ok(runLayer >= base.length, `run.txt in a layer after the base: ${layers.map((_, i) => files(i).join(' ')).join(' | ')}`);
  const runTxt = layers[runLayer]!.find((e) => e.name.replace(/^\.?\//, '') === 'run.txt')!;
  assert.equal(runTxt.content.toString(), `run ${nonce}\n`);
  const copyLayer = layers.findIndex((l) => l.some((e) => e.name.replace(/^\.?\//, '') === 'app/hello.txt'));
  assert.ok(copyLayer > runLayer);
  assert.equal(
    layers[copyLayer]!.find((e) => e.name.replace(/^\.?\//, '') === 'app/hello.txt')!.content.toString(),
    'hello from the smoke test\n',
  );

  const second = await build(buildOpts);
  assert.equal(second.code, 0, `second build failed:\n${second.stderr}`);
  const steps2 = instructionSteps(second.steps);
  assert.ok(steps2.length >= 3, `instruction steps:\n${second.stderr}`);
  for (const s of steps2) {
    // FROM is resolved, not executed: BuildKit prints it without CACHED when
    // the base image's layers are already there.
    if (/^\[[^\]]*\] FROM /.test(s.name)) continue;
    assert.equal(s.cached, true, `step not cached on the second build: #${s.id} ${s.name}\n${second.stderr}`);
  }
  const config2 = await imageConfig(ref);
  assert.deepEqual(config2.rootfs.diff_ids, ids);
});
