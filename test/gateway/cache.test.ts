// Caching through our frontend: a second identical build is served entirely
// from the cache, and a cache mount keeps its content between builds.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildctl, buildkitOrSkip, instructionSteps, makeContext, parseProgress, releaseBuildkit } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { contextArgs, gatewayArgs } from './lib/build.ts';

after(() => releaseBuildkit());

test('a second identical build through our frontend is fully cached', { timeout: 600_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const nonce = `${Date.now()}-${Math.random()}`;
  const ctx = await makeContext({
    Dockerfile: `FROM busybox\nARG NONCE\nRUN echo "$NONCE" > /n\nCOPY f.txt /f.txt\nRUN cat /n /f.txt > /both\n`,
    'f.txt': 'file\n',
  });
  t.after(() => rm(ctx, { recursive: true, force: true }));
  const args = [...gatewayArgs(ours), '--opt', `build-arg:NONCE=${nonce}`, ...contextArgs(ctx)];
  const first = await buildctl(args);
  assert.equal(first.code, 0, first.stderr);
  const s1 = instructionSteps(parseProgress(first.stderr));
  assert.ok(s1.some((s) => s.name.includes('RUN echo') && !s.cached), first.stderr);
  const second = await buildctl(args);
  assert.equal(second.code, 0, second.stderr);
  const s2 = instructionSteps(parseProgress(second.stderr));
  assert.ok(s2.length >= 3, second.stderr);
  for (const s of s2) {
    if (/^\[[^\]]*\] FROM /.test(s.name)) continue;
    assert.equal(s.cached, true, `not cached: ${s.name}\n${second.stderr}`);
  }
});

test('a cache mount keeps its content between builds', { timeout: 600_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const id = `gw-cache-${process.pid}-${Date.now()}`;
  const ctx = await makeContext({
    Dockerfile: `FROM busybox\nARG NONCE\nRUN --mount=type=cache,target=/c,id=${id} echo "$NONCE" >> /c/log && cp /c/log /log\n`,
  });
  const out = await mkdtemp(join(tmpdir(), 'gw-cache-out-'));
  t.after(() => Promise.all([rm(ctx, { recursive: true, force: true }), rm(out, { recursive: true, force: true })]));
  const buildOnce = async (nonce: string, dest: string) => {
    const r = await buildctl([...gatewayArgs(ours), '--opt', `build-arg:NONCE=${nonce}`, ...contextArgs(ctx), '--output', `type=local,dest=${dest}`]);
    assert.equal(r.code, 0, r.stderr);
    return readFile(join(dest, 'log'), 'utf8');
  };
  assert.equal(await buildOnce('first', join(out, '1')), 'first\n');
  assert.equal(await buildOnce('second', join(out, '2')), 'first\nsecond\n');
});
