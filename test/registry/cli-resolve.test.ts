// The CLI (the bundle, as a process) resolving base images from a registry:
// a real docker-registry behind token auth, with a private repository that
// needs the credentials of ~/.docker/config.json (here $DOCKER_CONFIG) or of a
// credential helper, a multi-platform index, the on-disk config cache and
// --resolve-mode, and the errors: unknown image, unauthorized, registry down.
// The images are the test's own (pushed here), so the expected digests and
// configs are the ones it pushed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRegistry, TokenServer, type RunningRegistry } from './helpers/registry-server.ts';
import { pushImage, pushIndex, type BuiltImage, type Descriptor } from './helpers/push.ts';

const CLI = resolve('dist', 'dockerfile-llb.js');
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

let tokens: TokenServer;
let registry: RunningRegistry;
let dir: string;
let privateImage: BuiltImage;
let index: Descriptor;
const perPlatform = new Map<string, BuiltImage>();

before(async () => {
  tokens = new TokenServer({ alice: 's3cret' }, ['private/']);
  registry = await startRegistry(await tokens.start());
  const push = (repo: string): { host: string; repo: string; authorization: string } => ({
    host: registry.host,
    repo,
    authorization: `Bearer ${tokens.issue([{ type: 'repository', name: repo, actions: ['pull', 'push'] }])}`,
  });
  privateImage = await pushImage(push('private/img'), { os: 'linux', architecture: 'amd64' }, '1.0');
  for (const p of [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
  ]) {
    perPlatform.set(`${p.os}/${p.architecture}`, await pushImage(push('public/multi'), p));
  }
  index = await pushIndex(push('public/multi'), 'latest', [...perPlatform.values()].map((b) => b.manifest), OCI_INDEX);
  dir = mkdtempSync(join(tmpdir(), 'cli-resolve-'));
});

after(async () => {
  await registry?.stop();
  await tokens?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Setup {
  /** config.json content, or undefined for none. */
  dockerConfig?: unknown;
  /** A fresh cache directory unless given. */
  cache?: string;
  /** Extra PATH entry (credential helpers). */
  path?: string;
}

let n = 0;
/**
 * Runs the CLI in a case directory of its own. Asynchronously: the token
 * server answers from this process, so its event loop must keep running.
 */
async function cli(args: string[], dockerfile: string, setup: Setup = {}): Promise<{ status: number | null; stdout: string; stderr: string; dir: string }> {
  const case_ = join(dir, `case-${++n}`);
  mkdirSync(join(case_, 'docker'), { recursive: true });
  if (setup.dockerConfig !== undefined) writeFileSync(join(case_, 'docker', 'config.json'), JSON.stringify(setup.dockerConfig));
  writeFileSync(join(case_, 'Dockerfile'), dockerfile);
  const env = {
    ...process.env,
    DOCKER_CONFIG: join(case_, 'docker'),
    XDG_CACHE_HOME: setup.cache ?? join(case_, 'cache'),
    PATH: setup.path ? `${setup.path}:${process.env.PATH}` : process.env.PATH,
  };
  const child = spawn(process.execPath, [CLI, ...args], { env, cwd: case_, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await new Promise<number | null>((res) => child.once('close', (code) => res(code)));
  clearTimeout(timer);
  return { status, stdout, stderr, dir: case_ };
}

/** The image source ops' identifiers, from `llb --format json`. */
function imageSources(stdout: string): string[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { Op?: { Op?: { source?: { identifier?: string } } } }).Op?.Op?.source?.identifier ?? '')
    .filter((id) => id.startsWith('docker-image://'));
}

const auths = (user: string, pass: string): unknown => ({
  auths: { [registry.host]: { auth: Buffer.from(`${user}:${pass}`).toString('base64') } },
});

test('llb resolves a multi-platform index for the requested platform: the index digest pinned, that platform\'s config', async () => {
  for (const [platform, arch] of [
    ['linux/amd64', 'amd64'],
    ['linux/arm64', 'arm64'],
  ]) {
    const r = await cli(['llb', '-f', 'Dockerfile', '--format', 'json', '--platform', platform, '--image-config-out', 'config.json'], `FROM ${registry.host}/public/multi\nRUN true\n`);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(imageSources(r.stdout), [`docker-image://${registry.host}/public/multi:latest@${index.digest}`]);
    const config = JSON.parse(readFileSync(join(r.dir, 'config.json'), 'utf8')) as { architecture: string; config: { Labels?: Record<string, string> } };
    assert.equal(config.architecture, arch);
    const pushed = JSON.parse(Buffer.from(perPlatform.get(platform)!.config).toString('utf8')) as { config: { Labels: Record<string, string> } };
    assert.deepEqual(config.config.Labels, pushed.config.Labels);
  }
});

test('a private repository: credentials from config.json get the token; none or wrong ones are refused, naming the reference and line', async () => {
  const df = `FROM scratch\nFROM ${registry.host}/private/img:1.0 AS app\n`;
  const ok = await cli(['llb', '-f', 'Dockerfile', '--format', 'json'], df, { dockerConfig: auths('alice', 's3cret') });
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(imageSources(ok.stdout), [`docker-image://${registry.host}/private/img:1.0@${privateImage.manifest.digest}`]);
  assert.ok(tokens.authorizations.includes(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`));

  const none = await cli(['llb', '-f', 'Dockerfile'], df);
  assert.equal(none.status, 1);
  assert.equal(none.stdout, '');
  assert.match(
    none.stderr,
    new RegExp(`^Dockerfile:2: ${registry.host}/private/img:1.0: failed to resolve source metadata for ${registry.host}/private/img:1.0: pull access denied, repository does not exist or may require authorization: server message: unauthorized: .*authorization failed\\n$`),
  );

  const wrong = await cli(['llb', '-f', 'Dockerfile'], df, { dockerConfig: auths('alice', 'nope') });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, new RegExp(`^Dockerfile:2: .*failed to resolve source metadata for ${registry.host}/private/img:1.0: pull access denied.*failed to fetch token: unexpected status from GET request to http://127\\.0\\.0\\.1:\\d+/token: 401 Unauthorized\\n$`));
});

test('stages on one base image ask the registry once, even when it fails, as the daemon answers them from one resolution', async () => {
  // A registry that knows no image and counts what it is asked.
  let asked = 0;
  const server = createServer((req, res) => {
    asked++;
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const askedFor = async (stages: number): Promise<number> => {
      asked = 0;
      const df = Array.from({ length: stages }, (_, i) => `FROM ${host}/x/y:1 AS s${i}\n`).join('');
      const r = await cli(['lint', 'Dockerfile', '--format', 'json', '--no-resolve-cache'], df);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, new RegExp(`failed to resolve source metadata for ${host}/x/y:1`));
      return asked;
    };
    const one = await askedFor(1);
    assert.ok(one > 0);
    assert.equal(await askedFor(60), one);
  } finally {
    server.close();
  }
});

test('a credential helper named in credHelpers answers for its host', async () => {
  const bin = join(dir, 'helper-bin');
  mkdirSync(bin, { recursive: true });
  const helper = join(bin, 'docker-credential-testhelper');
  // Answers for the test registry only, as `docker-credential-* get` does.
  writeFileSync(
    helper,
    `#!/bin/sh\nread server\nif [ "$server" = "${registry.host}" ]; then printf '{"ServerURL":"%s","Username":"alice","Secret":"s3cret"}' "$server"; else echo "credentials not found in native keychain"; exit 1; fi\n`,
  );
  chmodSync(helper, 0o755);
  const r = await cli(['llb', '-f', 'Dockerfile', '--format', 'json'], `FROM ${registry.host}/private/img:1.0\n`, {
    dockerConfig: { credHelpers: { [registry.host]: 'testhelper' } },
    path: bin,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(imageSources(r.stdout), [`docker-image://${registry.host}/private/img:1.0@${privateImage.manifest.digest}`]);
});

test('lint and outline resolve too: the base platform check and the base image ENV', async () => {
  const df = `FROM ${registry.host}/private/img:1.0\n`;
  const lint = await cli(['lint', '--platform', 'linux/arm64', 'Dockerfile'], df, { dockerConfig: auths('alice', 's3cret') });
  assert.equal(lint.status, 0, lint.stderr);
  assert.equal(
    lint.stdout,
    `Dockerfile:1 InvalidBaseImagePlatform - Base image ${registry.host}/private/img:1.0 was pulled with platform "linux/amd64", expected "linux/arm64" for current build\n`,
  );
  const offline = await cli(['lint', '--offline', '--platform', 'linux/arm64', 'Dockerfile'], df);
  assert.equal(offline.status, 0, offline.stderr);
  assert.equal(offline.stdout, '');

  // outline resolves the base image (its ENV is what ARG defaults expand in):
  // the private one only with credentials.
  const odf = `FROM ${registry.host}/private/img:1.0\nARG WHERE=$PATH\nRUN echo $WHERE\n`;
  const outline = await cli(['outline', '-f', 'Dockerfile'], odf, { dockerConfig: auths('alice', 's3cret') });
  assert.equal(outline.status, 0, outline.stderr);
  const args = (JSON.parse(outline.stdout) as { args?: { name: string; value?: string }[] }).args ?? [];
  assert.deepEqual(args.map((a) => [a.name, a.value]), [['WHERE', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
  const denied = await cli(['outline', '-f', 'Dockerfile'], odf);
  assert.equal(denied.status, 1);
  assert.match(denied.stderr, /failed to resolve source metadata for .*private\/img:1\.0: pull access denied/);
});

test('an unknown image is an error naming the reference and the line', async () => {
  const r = await cli(['llb', '-f', 'Dockerfile'], `FROM scratch\nCOPY a /a\nFROM ${registry.host}/public/nothing:here\n`);
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    `Dockerfile:3: ${registry.host}/public/nothing:here: failed to resolve source metadata for ${registry.host}/public/nothing:here: ${registry.host}/public/nothing:here: not found\n`,
  );
});

test('the config cache: a registry that is down is served from it in default and local modes, not with pull or --no-resolve-cache', async () => {
  const cache = join(dir, 'shared-cache');
  const df = `FROM ${registry.host}/public/multi\n`;
  const first = await cli(['llb', '-f', 'Dockerfile', '--format', 'json'], df, { cache });
  assert.equal(first.status, 0, first.stderr);
  const want = imageSources(first.stdout);

  // A second run, with the config from the cache, gives the same answer.
  const again = await cli(['llb', '-f', 'Dockerfile', '--format', 'json'], df, { cache });
  assert.deepEqual(imageSources(again.stdout), want);

  await registry.stop();
  for (const mode of [[], ['--resolve-mode', 'default'], ['--resolve-mode', 'local']]) {
    const r = await cli(['llb', '-f', 'Dockerfile', '--format', 'json', ...mode], df, { cache });
    assert.equal(r.status, 0, `${mode.join(' ')}: ${r.stderr}`);
    assert.deepEqual(imageSources(r.stdout), want);
  }
  for (const extra of [['--resolve-mode', 'pull'], ['--no-resolve-cache']]) {
    const r = await cli(['llb', '-f', 'Dockerfile', ...extra], df, { cache });
    assert.equal(r.status, 1, extra.join(' '));
    assert.match(
      r.stderr,
      new RegExp(`^Dockerfile:1: ${registry.host}/public/multi: failed to resolve source metadata for ${registry.host}/public/multi:latest: failed to do request: Get "http://${registry.host}/v2/public/multi/manifests/latest": connect ECONNREFUSED ${registry.host}\\n$`),
    );
  }
  // Never seen: nothing to fall back to.
  const unseen = await cli(['llb', '-f', 'Dockerfile'], `FROM ${registry.host}/public/other\n`, { cache });
  assert.equal(unseen.status, 1);
  assert.match(unseen.stderr, /^Dockerfile:1: .*public\/other:latest: failed to do request: .*ECONNREFUSED/);
});

test('--resolve-mode takes default, pull or local only', async () => {
  const r = await cli(['llb', '-f', 'Dockerfile', '--resolve-mode', 'sometimes'], 'FROM scratch\n');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^llb: unknown resolve-mode "sometimes"/);
});
