// The CLI's commands on inputs that used to end in a stack trace or in a
// success where the gateway and upstream fail (issue 11, finding 6), and
// where its options must be read as the frontend (or buildx) reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goAvailable, runOracle } from './oracle/oracle.ts';
import { tempDir } from './tmp.ts';

const metadata = 'testdata/convert/image-metadata.json';
const needsGo = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;
const CLI = join(process.cwd(), 'dist', 'dockerfile-llb.js');

/** Runs the CLI (ARGS after `node dist/dockerfile-llb.js`). */
function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: opts.env ?? process.env, maxBuffer: 1 << 28 });
}

/** `llb` on `dockerfile` written as DIR/Dockerfile; its path in stderr reads `Dockerfile`. */
function llb(args: string[], dockerfile: string, env?: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const file = join(tempDir('cli-hostile-'), 'Dockerfile');
  writeFileSync(file, dockerfile);
  const r = cli(['llb', '-f', file, ...args], { env });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString().replaceAll(file, 'Dockerfile') };
}

/** Upstream's Definition for `dockerfile2llb ARGS`, in the CLI's session. */
function upstreamDef(args: string[]): Buffer {
  const up = JSON.parse(runOracle(['dockerfile2llb', '--session-id', 'dockerfile-llb', ...args]).toString()) as { def?: string };
  assert.ok(up.def !== undefined, args.join(' '));
  return Buffer.from(up.def, 'base64');
}

test('llb --image-config-out naming a directory fails with one line, not a stack trace', () => {
  const r = llb(['--image-config-out', tmpdir()], 'FROM scratch\n');
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `llb: --image-config-out ${tmpdir()}: EISDIR: illegal operation on a directory, open '${tmpdir()}'\n`);
});

test('llb fails on a build check violation with `# check=error=true`, as upstream', { skip: needsGo }, () => {
  const text = '# check=error=true\nfrom busybox as Foo\n';
  const up = JSON.parse(runOracle(['dockerfile2llb', '-f', '-', '--image-metadata', metadata], text).toString()) as { error?: { message: string } };
  assert.ok(up.error !== undefined);
  const r = llb(['--image-metadata', metadata], text);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `Dockerfile: ${up.error.message}\n`);
});

test('llb refuses a platform with a trailing blank, as the gateway and upstream do', () => {
  const r = llb(['--platform', 'linux/amd64 '], 'FROM scratch\n');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^llb: --platform: "amd64 " is an invalid component of "linux\/amd64 "/);
});

test('lint --format json leaves zero lines out of locations, as Go’s encoding/json does (finding 12)', { skip: needsGo }, () => {
  const text = '# escape=xx\nFROM scratch\n';
  const up = JSON.parse(runOracle(['lint', '-f', '-'], text).toString()) as { buildError?: { location: unknown } };
  const file = join(tempDir('cli-hostile-'), 'Dockerfile');
  writeFileSync(file, text);
  const ours = JSON.parse(cli(['lint', '--format', 'json', file]).stdout.toString()) as { buildError?: { location: unknown } };
  assert.deepEqual(up.buildError?.location, { ranges: [{ start: {}, end: {} }] });
  assert.deepEqual(ours.buildError?.location, up.buildError?.location);
});

test('targets on a Dockerfile with a 20 MB heredoc fits in a 400 MB heap (finding 8: it peaked at 1 GB)', () => {
  const body = Array.from({ length: 400_000 }, (_, i) => `echo line ${i} ${'x'.repeat(32)}`).join('\n');
  const file = join(tempDir('cli-hostile-'), 'Dockerfile');
  writeFileSync(file, `FROM busybox\nRUN <<EOF\n${body}\nEOF\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=400', CLI, 'targets', '-f', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.equal((JSON.parse(r.stdout) as { targets: unknown[] }).targets.length, 1);
});

test('llb --platform normalizes each platform as the frontend reads its platform option (arm is linux/arm/v7)', { skip: needsGo }, () => {
  const text = 'FROM scratch\nARG TARGETPLATFORM TARGETVARIANT\nLABEL tp=$TARGETPLATFORM tv=$TARGETVARIANT\nRUN echo $TARGETPLATFORM\n';
  const out = join(tempDir('cli-hostile-'), 'config.json');
  for (const platform of ['arm', 'Linux/AARCH64', 'windows/arm']) {
    const up = JSON.parse(runOracle(['dockerfile2llb', '-f', '-', '--platform', platform], text).toString()) as { imageText?: string };
    assert.ok(up.imageText !== undefined, platform);
    const r = llb(['--platform', platform, '--image-config-out', out], text);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out, 'utf8'), `${up.imageText}\n`, platform);
  }
  assert.match(JSON.parse(readFileSync(out, 'utf8')).config.Labels.tp, /^windows\/arm\/v7$/);
});

test('llb refuses several platforms with BUILDKIT_MULTI_PLATFORM=0, with upstream’s message', { skip: needsGo }, () => {
  const text = 'FROM scratch\n';
  const args = ['--platform', 'linux/amd64,linux/arm64', '--build-arg', 'BUILDKIT_MULTI_PLATFORM=0'];
  const up = JSON.parse(runOracle(['dockerfile2llb', '-f', '-', ...args], text).toString()) as { error?: { message: string } };
  assert.ok(up.error !== undefined);
  const r = llb(args, text);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `llb: ${up.error.message}\n`);
});

test('llb --build-arg K alone takes $K from the environment (left out when unset) and --label K alone is empty, as docker build reads them', () => {
  const text = 'FROM scratch\nARG SET=default-set UNSET=default-unset\nLABEL set=$SET unset=$UNSET\n';
  const out = join(tempDir('cli-hostile-'), 'config.json');
  const env: NodeJS.ProcessEnv = { ...process.env, SET: 'from-env' };
  delete env.UNSET;
  const r = llb(['--build-arg', 'SET', '--build-arg', 'UNSET', '--label', 'empty', '--label', 'k=v', '--image-config-out', out], text, env);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).config.Labels, { empty: '', k: 'v', set: 'from-env', unset: 'default-unset' });
  const bad = llb(['--build-arg', '=x'], text);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, 'llb: --build-arg: invalid key-value pair "=x": empty key\n');
});

test('llb -f DIR/NAME names the Dockerfile NAME in the source map, as buildx sends the filename option: the Definition is upstream’s byte for byte', { skip: needsGo }, () => {
  const file = join(tempDir('cli-hostile-'), 'Dockerfile.dev');
  writeFileSync(file, 'FROM scratch\nARG V=1\nRUN echo $V\n');
  const r = cli(['llb', '-f', file]);
  assert.equal(r.status, 0, r.stderr.toString());
  assert.ok(upstreamDef(['-f', file, '--opt', 'filename=Dockerfile.dev']).equals(r.stdout));
});

test('llb reads the .dockerignore beside the Dockerfile (Dockerfile.dockerignore first, or --dockerignore): the context excludes its patterns, as upstream', { skip: needsGo }, () => {
  const dir = tempDir('cli-hostile-');
  const file = join(dir, 'Dockerfile');
  writeFileSync(file, 'FROM scratch\nCOPY . /\n');
  const def = (args: string[]) => {
    const r = cli(['llb', '-f', file, ...args]);
    assert.equal(r.status, 0, r.stderr.toString());
    return r.stdout;
  };
  const upstream = (ignore: string | undefined) => upstreamDef(['-f', file, ...(ignore === undefined ? [] : ['--dockerignore', ignore])]);
  const none = def([]);
  assert.ok(none.equals(upstream(undefined)));
  writeFileSync(join(dir, '.dockerignore'), 'secret\n*.log\n');
  const beside = def([]);
  assert.ok(beside.equals(upstream(join(dir, '.dockerignore'))));
  assert.ok(!beside.equals(none));
  writeFileSync(join(dir, 'Dockerfile.dockerignore'), 'other\n');
  assert.ok(def([]).equals(upstream(join(dir, 'Dockerfile.dockerignore'))));
  writeFileSync(join(dir, 'explicit'), '!keep\n**/tmp\n');
  assert.ok(def(['--dockerignore', join(dir, 'explicit')]).equals(upstream(join(dir, 'explicit'))));
});

test('llb, lint, outline and targets fall back to dockerfile when Dockerfile is missing, as the frontend reads its default name', { skip: needsGo }, () => {
  const dir = tempDir('cli-hostile-');
  writeFileSync(join(dir, 'dockerfile'), 'FROM scratch AS base\nCOPY a /a\n');
  const r = cli(['llb'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr.toString());
  assert.ok(upstreamDef(['-f', join(dir, 'dockerfile')]).equals(r.stdout));
  for (const cmd of ['lint', 'outline', 'targets']) assert.equal(cli([cmd], { cwd: dir }).status, 0, cmd);
  assert.match(cli(['targets'], { cwd: dir }).stdout.toString(), /base/);
  // A name given that does not exist does not fall back.
  const other = cli(['llb', '-f', 'Containerfile'], { cwd: dir });
  assert.equal(other.status, 1);
  assert.equal(other.stderr.toString(), 'Containerfile: no such file\n');
});

test('files the commands cannot read: a directory, an unreadable or bad --image-metadata, a --dockerignore that is a directory: one clear line, exit 1, never an internal error', () => {
  const dir = tempDir('cli-hostile-');
  const df = join(dir, 'Dockerfile');
  writeFileSync(df, 'FROM scratch\nCOPY a /a\n');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"x": 1');
  const missing = join(dir, 'missing.json');
  const cases: [string[], string][] = [
    [['llb', '-f', dir], `${dir}: is a directory\n`],
    [['lint', dir], `${dir}: is a directory\n`],
    [['fmt', dir], `${dir}: is a directory\n`],
    [['llb', '-f', df, '--dockerignore', dir], `llb: ${dir}: is a directory\n`],
    [['llb', '-f', df, '--image-metadata', dir], `llb: --image-metadata ${dir}: is a directory\n`],
    [['llb', '-f', df, '--image-metadata', missing], `llb: --image-metadata ${missing}: no such file or directory\n`],
    [['outline', '-f', df, '--image-metadata', missing], `outline: --image-metadata ${missing}: no such file or directory\n`],
  ];
  for (const cmd of ['llb', 'lint', 'outline']) {
    const args = cmd === 'lint' ? [cmd, df] : [cmd, '-f', df];
    const r = cli([...args, '--image-metadata', bad]);
    assert.equal(r.status, 1, cmd);
    assert.match(r.stderr.toString(), new RegExp(`^${cmd}: invalid image metadata file ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: [^\\n]+\\n$`), cmd);
  }
  for (const [args, want] of cases) {
    const r = cli(args);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stderr.toString(), want, args.join(' '));
  }
});
