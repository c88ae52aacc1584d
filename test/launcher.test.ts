// The CLI's entry point (scripts/launcher.cjs -> dist/dockerfile-llb.js):
// the bundle run through a V8 code cache in the user's cache directory. The
// output is the bundle's own whatever the cache holds; a command's first run
// writes its cache, later runs use it without writing (V8 accepted it), a
// cache V8 rejects is replaced, a failed run writes none, and
// DOCKERFILE_LLB_CODE_CACHE=off leaves the directory alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './e2e/harness.ts';

const entry = join(repoRoot, 'dist', 'dockerfile-llb.js');
const bundle = join(repoRoot, 'dist', 'dockerfile-llb-bundle.js');
const coreBundle = join(repoRoot, 'dist', 'dockerfile-llb-core.js');
const skip = existsSync(bundle) ? false : 'run `npm run build` first';
const imageMetadata = join(repoRoot, 'testdata', 'convert', 'image-metadata.json');

function run(file: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [file, ...args], { env: { PATH: process.env.PATH, ...env } });
  assert.equal(r.status, 0, r.stderr.toString());
  return r.stdout;
}

test('the entry point writes a code cache per command once, uses it after, and prints what the bundle prints', { skip }, () => {
  const home = mkdtempSync(join(tmpdir(), 'launcher-'));
  try {
    const df = join(home, 'Dockerfile');
    writeFileSync(df, 'FROM busybox AS a\nRUN echo a > /a\nFROM scratch\nCOPY --from=a /a /a\n');
    const args = ['llb', '-f', df, '--image-metadata', imageMetadata, '--format', 'json'];
    const env = { XDG_CACHE_HOME: home };
    const dir = join(home, 'dockerfile-llb', 'code');
    const want = run(bundle, args, env);
    assert.ok(!existsSync(dir), 'the bundle alone writes no cache');

    assert.deepEqual(run(entry, args, env), want);
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    const hash = /const BUNDLE_HASH = core \? '([0-9a-f]{64})'/.exec(readFileSync(entry, 'utf8'))![1]!;
    assert.equal(files[0], `${hash.slice(0, 16)}-${process.version}-${process.arch}-llb.cache`);
    const cache = join(dir, files[0]!);
    const written = statSync(cache).mtimeMs;

    // Accepted: used, not written again.
    assert.deepEqual(run(entry, args, env), want);
    assert.equal(statSync(cache).mtimeMs, written);

    // Another command has a cache of its own.
    run(entry, ['targets', '-f', df], env);
    assert.equal(readdirSync(dir).length, 2);

    // A cache V8 rejects (here: not a cache at all) changes nothing but is replaced.
    writeFileSync(cache, 'not a code cache');
    assert.deepEqual(run(entry, args, env), want);
    assert.notEqual(readFileSync(cache, 'utf8'), 'not a code cache');

    // A failed run writes none.
    const failed = spawnSync(process.execPath, [entry, 'outline', '--no-such-option'], { env: { PATH: process.env.PATH, XDG_CACHE_HOME: home } });
    assert.equal(failed.status, 2);
    assert.equal(readdirSync(dir).length, 2);
    // Nor a help run (it would leave the command's later runs compiling what it never ran).
    run(entry, ['lint', '--help'], env);
    run(entry, ['fmt', '-h'], env);
    assert.equal(readdirSync(dir).length, 2);

    // A cache directory that cannot be made (mkdir answers ENOENT under /proc): no cache, no hang at exit.
    if (existsSync('/proc/self')) {
      const r = spawnSync(process.execPath, [entry, ...args], { env: { PATH: process.env.PATH, XDG_CACHE_HOME: '/proc/dockerfile-llb-test' }, timeout: 30_000 });
      assert.equal(r.status, 0, String(r.stderr));
      assert.deepEqual(r.stdout, want);
    }

    // Off: nothing read or written.
    rmSync(dir, { recursive: true });
    assert.deepEqual(run(entry, args, { ...env, DOCKERFILE_LLB_CODE_CACHE: 'off' }), want);
    assert.ok(!existsSync(dir));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('the commands that need no daemon run from the smaller bundle, every other argument from the full one', { skip }, async () => {
  const { coreCommands } = await import('../src/cli/commands.ts');
  const { daemonCommands } = await import('../src/cli/daemon-commands.ts');
  const launcher = readFileSync(entry, 'utf8');
  const listed = JSON.parse(/const CORE = (\[[^\]]*\]);/.exec(launcher)![1]!.replaceAll("'", '"')) as string[];
  assert.deepEqual([...listed].sort(), Object.keys(coreCommands).sort());
  for (const name of Object.keys(daemonCommands)) assert.ok(!listed.includes(name), name);
  // The smaller bundle has no gRPC client, gateway frontend or BuildKit client in it.
  const coreText = readFileSync(coreBundle, 'utf8');
  for (const word of ['makeServerStreamRequest', 'LLBBridge', 'DiffCopy']) assert.ok(!coreText.includes(word), word);
  assert.ok(readFileSync(bundle, 'utf8').includes('makeServerStreamRequest'));

  const home = mkdtempSync(join(tmpdir(), 'launcher-'));
  try {
    const env = { XDG_CACHE_HOME: home };
    // The same usage whichever bundle prints it; each command's help from the bundle that runs it.
    const usage = run(entry, ['--help'], env).toString();
    assert.match(usage, /^ {2}build {6}build a Dockerfile/m);
    assert.deepEqual(run(coreBundle, ['--help'], env).toString(), usage);
    for (const name of listed) assert.deepEqual(run(entry, [name, '--help'], env), run(coreBundle, [name, '--help'], env), name);
    for (const name of Object.keys(daemonCommands)) assert.deepEqual(run(entry, [name, '--help'], env), run(bundle, [name, '--help'], env), name);
    const unknown = spawnSync(process.execPath, [coreBundle, 'build'], { env: { PATH: process.env.PATH, ...env } });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr.toString(), /unknown command "build"/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a build loads no built-in module it does not use: gRPC\'s zlib and dns wait for their first use', { skip }, () => {
  // A build against an absent daemon loads the client, gRPC and the frontend, then fails to connect.
  const home = mkdtempSync(join(tmpdir(), 'launcher-modules-'));
  try {
    const out = join(home, 'modules.txt');
    const preload = join(home, 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
    writeFileSync(join(home, 'Dockerfile'), 'FROM scratch\n');
    const r = spawnSync(process.execPath, ['-r', preload, entry, 'build', '--addr', `unix://${join(home, 'none.sock')}`, home], { env: { PATH: process.env.PATH, XDG_CACHE_HOME: home } });
    assert.equal(r.status, 1, r.stderr.toString());
    const loaded = readFileSync(out, 'utf8').split('\n');
    assert.ok(loaded.includes('NativeModule http2'), 'the client was loaded');
    for (const m of ['NativeModule zlib', 'NativeModule dns', 'NativeModule child_process']) assert.ok(!loaded.includes(m), `${m} is not loaded`);
    // (Where gRPC uses them, they load: the tcp:// daemon of test/client/cache.test.ts goes through the dns one.)
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
