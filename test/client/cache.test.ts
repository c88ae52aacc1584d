// Tests with daemons of their own (fresh buildkitd processes with empty
// roots, started here and stopped by pid): the cache round trip (a build
// exports its cache to a local directory through the session's content
// store, a fresh daemon imports it, also through BUILDKIT_LOCAL_CACHE_IMPORT,
// and reports the RUN steps CACHED); the daemon killed in the middle of a
// build; a daemon on tcp:// with mutual TLS.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { binDir, buildkitOrSkip, releaseBuildkit, run } from '../e2e/harness.ts';
import { BUNDLE, ourBuild } from './lib.ts';

after(() => releaseBuildkit());
const TMP = mkdtempSync(join(tmpdir(), 'client-cache-'));
let fresh: ChildProcess | undefined;
const daemons: ChildProcess[] = [];
after(() => {
  for (const d of daemons) if (d.pid !== undefined && d.exitCode === null && d.signalCode === null) d.kill('SIGTERM');
  // A daemon killed in the middle of a build leaves its overlay mounts under its root.
  const mounts = spawnSync('findmnt', ['-rn', '-o', 'TARGET'], { encoding: 'utf8' }).stdout.split('\n').filter((m) => m.startsWith(TMP));
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
  rmSync(TMP, { recursive: true, force: true });
});

/**
 * A buildkitd with an empty root and the test daemon's registry settings,
 * on a unix socket, or on `tcp` with its `[grpc.tls]` section; `clientArgs`
 * are buildctl's arguments to reach it.
 */
async function freshDaemon(sharedConfig: string, name: string, tcp?: { addr: string; tls: string; clientArgs: string[] }): Promise<{ addr: string; proc: ChildProcess }> {
  const dir = join(TMP, name);
  const root = join(dir, 'root');
  mkdirSync(root, { recursive: true });
  const addr = tcp?.addr ?? `unix://${join(TMP, 'bk.sock')}`;
  const cfg = readFileSync(sharedConfig, 'utf8')
    .replace(/^root = .*$/m, `root = "${root}"`)
    .replace(/^ {2}address = .*$/m, `  address = ["${addr}"]${tcp ? `\n  [grpc.tls]\n${tcp.tls}` : ''}`);
  writeFileSync(join(dir, 'buildkitd.toml'), cfg);
  const proc = spawn(join(binDir, 'buildkitd'), ['--config', join(dir, 'buildkitd.toml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  daemons.push(proc);
  let log = '';
  proc.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) break;
    const r = await run(join(binDir, 'buildctl'), ['--addr', addr, ...(tcp?.clientArgs ?? []), 'debug', 'workers'], { timeoutMs: 10_000 });
    if (r.code === 0) return { addr, proc };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the fresh buildkitd did not start:\n${log}`);
}

test('local cache: exported by one daemon, imported by a fresh one (also via BUILDKIT_LOCAL_CACHE_IMPORT / _EXPORT)', { timeout: 300_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const marker = `cache-${process.pid}-${Date.now()}`;
  const ctx = join(TMP, 'ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), `FROM busybox\nRUN echo ${marker} > /m\nRUN cat /m > /n\n`);
  const cacheDir = join(TMP, 'cache');
  const exported = await ourBuild(['--progress', 'plain', '--cache-to', `type=local,dest=${cacheDir},mode=max`, ctx]);
  assert.equal(exported.code, 0, exported.stderr);
  const index = JSON.parse(readFileSync(join(cacheDir, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations: Record<string, string> }[] };
  assert.equal(index.manifests.length, 1);
  assert.equal(index.manifests[0]!.annotations['org.opencontainers.image.ref.name'], 'latest');
  assert.ok(existsSync(join(cacheDir, 'blobs', 'sha256', index.manifests[0]!.digest.slice(7))));

  const started = await freshDaemon(join(env.dir, 'buildkitd', 'buildkitd.toml'), 'fresh');
  fresh = started.proc;
  const addr = started.addr;
  const runSteps = (stderr: string) => [...stderr.matchAll(/^#(\d+) \[\d\/3\] RUN .*$/gm)].map((m) => m[1]!);
  const cached = (stderr: string) => runSteps(stderr).every((id) => new RegExp(`^#${id} CACHED$`, 'm').test(stderr));
  const build = (args: string[], extra: Record<string, string> = {}) =>
    run(process.execPath, [BUNDLE, 'build', '--addr', addr, '--progress', 'plain', ...args, ctx], { env: extra, timeoutMs: 180_000 });

  const imported = await build(['--cache-from', `type=local,src=${cacheDir}`]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(runSteps(imported.stderr).length, 2, imported.stderr);
  assert.ok(cached(imported.stderr), `the RUN steps come from the imported cache:\n${imported.stderr}`);

  // The environment variables of the docker-build-like CLI: export from the fresh daemon, import it again.
  const envDir = join(TMP, 'cache-env');
  const viaEnv = await build([], { BUILDKIT_LOCAL_CACHE_IMPORT: cacheDir, BUILDKIT_LOCAL_CACHE_EXPORT: envDir });
  assert.equal(viaEnv.code, 0, viaEnv.stderr);
  assert.ok(cached(viaEnv.stderr), viaEnv.stderr);
  assert.ok(existsSync(join(envDir, 'index.json')), 'BUILDKIT_LOCAL_CACHE_EXPORT wrote the cache');

  // Without the import the fresh daemon (which has now run the steps) is not asked: a missing directory is a warning, not an error.
  const missing = await build(['--cache-from', `type=local,src=${join(TMP, 'none')}`]);
  assert.equal(missing.code, 0, missing.stderr);
  assert.match(missing.stderr, /^WARNING: local cache import at .*none skipped/m);
});

test('the daemon stops in the middle of a build: a clear error, exit 1, no hang', { timeout: 120_000 }, async (t) => {
  if (!(await buildkitOrSkip(t))) return;
  if (fresh?.pid === undefined || fresh.exitCode !== null) {
    t.diagnostic('needs the fresh daemon of the previous test');
    assert.fail('the fresh daemon is not running');
  }
  const marker = `stop-${process.pid}-${Date.now()}`;
  const ctx = join(TMP, 'stop');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), `FROM busybox\nRUN echo ${marker} && sleep 8\n`);
  const child = spawn(process.execPath, [BUNDLE, 'build', '--addr', `unix://${join(TMP, 'bk.sock')}`, '--progress', 'plain', ctx], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const running = new RegExp(`^#\\d+ \\d+\\.\\d+ ${marker}$`, 'm');
  for (let i = 0; i < 600 && !running.test(stderr); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match(stderr, running, 'the RUN step runs');
  // SIGTERM would let the build finish first: the daemon dies at once here.
  fresh!.kill('SIGKILL');
  const t0 = Date.now();
  const code = await exited;
  assert.equal(code, 1, stderr);
  assert.ok(Date.now() - t0 < 20_000, 'exited promptly');
  assert.match(stderr, /^error: failed to solve: .+$/m);
});

test('a daemon on tcp:// with mutual TLS (--tlscacert, --tlscert, --tlskey); a wrong CA is a clear error', { timeout: 120_000 }, async (t) => {
  const env = await buildkitOrSkip(t);
  if (!env) return;
  const pki = join(TMP, 'pki');
  mkdirSync(pki);
  const ssl = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: pki, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  };
  const ca = (name: string) => ssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`]);
  const leaf = (name: string, ext: string) => {
    ssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`]);
    writeFileSync(join(pki, `${name}.ext`), ext);
    ssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', `${name}.ext`, '-out', `${name}.pem`]);
  };
  ca('ca');
  ca('other-ca');
  leaf('server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'extendedKeyUsage=clientAuth\n');
  const port = await new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const addr = `tcp://127.0.0.1:${port}`;
  const tls = `    cert = "${join(pki, 'server.pem')}"\n    key = "${join(pki, 'server.key')}"\n    ca = "${join(pki, 'ca.pem')}"`;
  const clientArgs = ['--tlscacert', join(pki, 'ca.pem'), '--tlscert', join(pki, 'client.pem'), '--tlskey', join(pki, 'client.key')];
  await freshDaemon(join(env.dir, 'buildkitd', 'buildkitd.toml'), 'tls', { addr, tls, clientArgs });
  const ctx = join(TMP, 'tls-ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'Dockerfile'), 'FROM busybox\nRUN echo over tls > /t\n');
  const ok = await run(process.execPath, [BUNDLE, 'build', '--addr', addr, ...clientArgs, '--progress', 'plain', ctx], { timeoutMs: 120_000 });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /^#\d+ \[2\/2\] RUN echo over tls > \/t$/m);
  // buildctl's other spellings of the address: the scheme in any case, user information and a path left
  // out, NAME:PORT with no scheme (test/client/client.test.ts compares their failures with buildctl's).
  for (const other of [`TCP://user@localhost:${port}/x?y=1`, `localhost:${port}`]) {
    const r = await run(process.execPath, [BUNDLE, 'build', '--addr', other, ...clientArgs, '--progress', 'quiet', ctx], { timeoutMs: 120_000 });
    assert.equal(r.code, 0, `${other}: ${r.stderr}`);
  }
  const wrong = await run(process.execPath, [BUNDLE, 'build', '--addr', addr, '--tlscacert', join(pki, 'other-ca.pem'), '--tlscert', join(pki, 'client.pem'), '--tlskey', join(pki, 'client.key'), ctx], { timeoutMs: 60_000 });
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^error: could not connect to buildkitd at tcp:\/\/127\.0\.0\.1:\d+: .+$/m);
});
