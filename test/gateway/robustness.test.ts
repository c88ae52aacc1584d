// The frontend process must not outlive its connection: when BuildKit closes
// the pipes (or the build is cancelled) it exits promptly, saying why.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildctl, buildkitOrSkip, binDir, makeContext, releaseBuildkit, repoRoot } from '../e2e/harness.ts';
import { ensureFrontendImage } from './frontend-image.ts';

after(() => releaseBuildkit());

const bundle = join(repoRoot, 'dist', 'dockerfile-llb.js');

test('frontend exits promptly with a message when its stdin closes', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [bundle, 'frontend'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.resume();
  const t0 = Date.now();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  setTimeout(() => child.stdin.end(), 200);
  const code = await exited;
  const ms = Date.now() - t0;
  assert.ok(ms < 5_000, `took ${ms}ms to exit`);
  assert.equal(code, 3, `exit code; stderr: ${stderr}`);
  assert.match(stderr, /BuildKit closed the connection/);
});

/** Processes whose environment holds the marker (the frontend gets its options as environment variables). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/environ`).includes(marker)) pids.push(Number(d));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

test('a build cancelled while the frontend waits on the daemon leaves no frontend process behind', { timeout: 300_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const ours = await ensureFrontendImage();
  // A "registry" that accepts connections and never answers: resolving the
  // base image keeps the frontend waiting in ResolveSourceMeta. (Solve
  // returns lazily, so RUN steps run after the frontend has returned.)
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const s of sockets) s.destroy();
    server.close();
  });
  const port = (server.address() as AddressInfo).port;
  const marker = `cancel-${process.pid}-${Date.now()}`;
  const ctx = await makeContext({ Dockerfile: `FROM 127.0.0.1:${port}/hang/forever:1\nRUN true\n` });
  t.after(() => rm(ctx, { recursive: true, force: true }));
  const child = spawn(join(binDir, 'buildctl'), [
    '--addr', env.buildkitHost, 'build', '--progress=plain', '--frontend', 'gateway.v0', '--opt', `source=${ours}`,
    '--opt', `build-arg:MARKER=${marker}`, '--local', `context=${ctx}`, '--local', `dockerfile=${ctx}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const started = new Promise<void>((resolve) => {
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (stderr.includes(`load metadata for 127.0.0.1:${port}/hang/forever:1`)) resolve();
    });
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  await started;
  await new Promise((r) => setTimeout(r, 500));
  const running = processesWith(`build-arg:MARKER=${marker}`);
  assert.ok(running.length > 0, `the frontend runs while it waits for the image:\n${stderr}`);
  child.kill('SIGINT');
  await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  const t0 = Date.now();
  let left = processesWith(`build-arg:MARKER=${marker}`);
  while (left.length > 0 && Date.now() - t0 < 20_000) {
    await new Promise((r) => setTimeout(r, 100));
    left = processesWith(`build-arg:MARKER=${marker}`);
  }
  assert.deepEqual(left, [], 'frontend processes left after the build was cancelled');
  t.diagnostic(`frontend gone ${Date.now() - t0}ms after buildctl was interrupted`);
  const r = await buildctl(['debug', 'workers']);
  assert.equal(r.code, 0);
});
