// A 5 MiB Dockerfile through the real gateway: our image and upstream's
// v0.32.2 image (both gateway.v0) build the same generated file — 4,000 ENV
// lines, a COPY heredoc of about 4.5 MiB and a RUN reading it. The whole
// Dockerfile crosses the gateway twice (ReadFile, then again as the source map
// inside the Solve request, next to the heredoc's bytes in a FileOp), so it
// exercises the 16 MiB gRPC message limit from both sides. Both frontends must
// come out the same: the same layers and image config, or the same error.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UPSTREAM_FRONTEND, buildctl, buildkitOrSkip, imageConfig, releaseBuildkit, uniqueRef } from '../e2e/harness.ts';
import type { ImageConfig } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';
import { contextArgs, errorLines, gatewayArgs, pushArgs, stripTimes } from './lib/build.ts';

after(() => releaseBuildkit());

const SIZE = 5 * 1024 * 1024;
const ENVS = 4000;

/** Exactly SIZE bytes; the heredoc lines are deterministic pseudo-random hex. */
function generate(): { text: string; heredocBytes: number } {
  const head: string[] = ['FROM busybox'];
  for (let i = 0; i < ENVS; i++) head.push(`ENV LARGE_${String(i).padStart(5, '0')}=${createHash('sha256').update(`env${i}`).digest('hex')}${'v'.repeat(40)}`);
  head.push('COPY <<EOF /big.txt');
  const tail = ['EOF', 'RUN wc -c < /big.txt > /size && md5sum /big.txt > /sum && echo "$LARGE_03999" > /last-env', ''];
  const fixed = Buffer.byteLength(head.join('\n') + '\n' + tail.join('\n'));
  let room = SIZE - fixed;
  const body: string[] = [];
  let n = 0;
  while (room > 0) {
    const seed = createHash('sha256').update(`line${n++}`).digest('hex');
    let line = (seed + seed + seed).slice(0, 127);
    if (room < line.length + 1) line = 'x'.repeat(room - 1);
    body.push(line);
    room -= line.length + 1;
  }
  const text = head.join('\n') + '\n' + body.map((l) => l + '\n').join('') + tail.join('\n');
  return { text, heredocBytes: body.reduce((a, l) => a + l.length + 1, 0) };
}

interface Outcome {
  ok: boolean;
  ms: number;
  stderr: string;
  error?: string;
  config?: unknown;
  diffIds?: string[];
}

async function build(source: string, dir: string): Promise<Outcome> {
  const ref = uniqueRef('large');
  const t0 = performance.now();
  const r = await buildctl([...gatewayArgs(source), ...contextArgs(dir), ...pushArgs(ref)], { timeoutMs: 900_000 });
  const ms = performance.now() - t0;
  if (r.code !== 0) {
    const error = errorLines(r.stderr, { locations: 'none', source: false, masks: [] });
    return { ok: false, ms, stderr: r.stderr, error };
  }
  const cfg = await imageConfig(ref);
  return { ok: true, ms, stderr: r.stderr, config: stripTimes(cfg), diffIds: cfg.rootfs.diff_ids };
}

test('a 5 MiB Dockerfile builds through the gateway as with upstream v0.32.2', { timeout: 1_800_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  const { text, heredocBytes } = generate();
  assert.equal(Buffer.byteLength(text), SIZE);
  const dir = await mkdtemp(join(tmpdir(), 'large-df-'));
  try {
    await writeFile(join(dir, 'Dockerfile'), text);
    const a = await build(ours, dir);
    const u = await build(UPSTREAM_FRONTEND, dir);
    t.diagnostic(`Dockerfile ${SIZE} bytes (${ENVS} ENV lines, heredoc ${heredocBytes} bytes); ours ${a.ok ? 'built' : 'failed'} in ${a.ms.toFixed(0)} ms, upstream ${u.ok ? 'built' : 'failed'} in ${u.ms.toFixed(0)} ms`);
    assert.equal(a.ok, u.ok, `ours ${a.ok ? 'built' : 'failed'}, upstream ${u.ok ? 'built' : 'failed'}:\nours:\n${a.stderr.slice(-3000)}\nupstream:\n${u.stderr.slice(-3000)}`);
    if (!u.ok) {
      assert.equal(a.error, u.error, 'the same error');
      return;
    }
    assert.deepEqual(a.diffIds, u.diffIds, 'layer diff ids');
    assert.deepEqual(a.config, u.config, 'image config');
    const env = (a.config as ImageConfig).config?.Env ?? [];
    assert.equal(env.filter((e) => e.startsWith('LARGE_')).length, ENVS, 'every ENV line reached the image config');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
