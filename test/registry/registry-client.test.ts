// The registry resolver against a real registry (Debian's docker-registry,
// the CNCF distribution server), with images pushed by the test itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { RegistryResolver, isLocalhost } from '../../src/registry/registry-client.ts';
import { startRegistry, TokenServer, type RunningRegistry } from './helpers/registry-server.ts';
import { pushImage, pushIndex, type BuiltImage, type Descriptor } from './helpers/push.ts';
import { parsePlatform } from '../../src/platform/platform.ts';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const host = parsePlatform('linux/amd64');

let registry: RunningRegistry;
let single: BuiltImage;
let index: Descriptor;
const perPlatform = new Map<string, BuiltImage>();

before(async () => {
  registry = await startRegistry();
  const t = { host: registry.host, repo: 'test/single' };
  single = await pushImage(t, { os: 'linux', architecture: 'amd64' }, '1.0');
  const m = { host: registry.host, repo: 'test/multi' };
  for (const p of [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64', variant: 'v8' },
    { os: 'linux', architecture: '386' },
  ]) {
    perPlatform.set([p.os, p.architecture, p.variant].filter(Boolean).join('/'), await pushImage(m, p));
  }
  index = await pushIndex(m, 'latest', [...perPlatform.values()].map((b) => b.manifest), OCI_INDEX);
});

after(async () => {
  await registry?.stop();
});

function decode(b: Uint8Array): unknown {
  return JSON.parse(Buffer.from(b).toString('utf8'));
}

test('single-platform image: the manifest digest and its config', async () => {
  const r = new RegistryResolver();
  const ref = `${registry.host}/test/single:1.0`;
  const got = await r.resolve(ref, { platform: host });
  assert.equal(got.ref, ref);
  assert.equal(got.digest, single.manifest.digest);
  assert.deepEqual(decode(got.config), decode(single.config));
  // Upstream does not check a lone manifest's platform, only index entries'.
  const other = await r.resolve(ref, { platform: parsePlatform('linux/s390x'), resolveMode: 'pull' });
  assert.equal(other.digest, single.manifest.digest);
});

test('multi-platform index: the index digest, and the chosen platform\'s config', async () => {
  const r = new RegistryResolver();
  const ref = `${registry.host}/test/multi:latest`;
  for (const [want, pushed] of [
    ['linux/amd64', 'linux/amd64'],
    ['linux/arm64', 'linux/arm64/v8'],
    ['linux/arm64/v8', 'linux/arm64/v8'],
    ['linux/386', 'linux/386'],
  ] as const) {
    const got = await r.resolve(ref, { platform: parsePlatform(want) });
    assert.equal(got.digest, index.digest, want);
    assert.deepEqual(decode(got.config), decode(perPlatform.get(pushed)?.config ?? new Uint8Array()), want);
  }
});

test('by digest, and tag plus digest', async () => {
  const r = new RegistryResolver();
  const byDigest = await r.resolve(`${registry.host}/test/multi@${index.digest}`, { platform: parsePlatform('linux/386') });
  assert.equal(byDigest.digest, index.digest);
  assert.deepEqual(decode(byDigest.config), decode(perPlatform.get('linux/386')?.config ?? new Uint8Array()));
  const both = await r.resolve(`${registry.host}/test/single:1.0@${single.manifest.digest}`, { platform: host });
  assert.equal(both.digest, single.manifest.digest);
});

test('errors: unknown tag, unknown repository, no matching platform', async () => {
  const r = new RegistryResolver();
  await assert.rejects(
    r.resolve(`${registry.host}/test/multi:nope`, { platform: host }),
    { message: `${registry.host}/test/multi:nope: not found` },
  );
  await assert.rejects(
    r.resolve(`${registry.host}/test/absent:1`, { platform: host }),
    { message: `${registry.host}/test/absent:1: not found` },
  );
  await assert.rejects(
    r.resolve(`${registry.host}/test/multi:latest`, { platform: parsePlatform('linux/s390x') }),
    { message: 'no match for platform in manifest: not found' },
  );
  // amd64 can run 386, but arm/v7 has nothing it can run here.
  await assert.rejects(
    r.resolve(`${registry.host}/test/multi:latest`, { platform: parsePlatform('linux/arm/v7') }),
    { message: 'no match for platform in manifest: not found' },
  );
});

test('a mirror is tried before the origin', async () => {
  // docker.io is unreachable by design here: the mirror must answer.
  const r = new RegistryResolver({ mirrors: { 'docker.io': [registry.host] } });
  const got = await r.resolve('docker.io/test/single:1.0', { platform: host });
  assert.equal(got.digest, single.manifest.digest);
});

test('plain HTTP only for localhost and configured hosts', () => {
  assert.ok(isLocalhost('localhost:5000'));
  assert.ok(isLocalhost('127.0.0.1:5000'));
  assert.ok(isLocalhost('[::1]:5000'));
  assert.ok(!isLocalhost('registry-1.docker.io'));
  assert.ok(!isLocalhost('10.0.0.1:5000'));
});

test('token auth: challenge, anonymous token, retry (real registry with token auth)', async () => {
  const tokens = new TokenServer();
  const auth = await tokens.start();
  const secured = await startRegistry(auth);
  try {
    const pushToken = tokens.issue([{ type: 'repository', name: 'secure/img', actions: ['pull', 'push'] }]);
    const built = await pushImage({ host: secured.host, repo: 'secure/img', authorization: `Bearer ${pushToken}` }, { os: 'linux', architecture: 'amd64' }, 'v1');
    // Without a token the registry refuses, so the resolver must have done the dance.
    const anon = await fetch(`http://${secured.host}/v2/secure/img/manifests/v1`);
    assert.equal(anon.status, 401);
    assert.match(anon.headers.get('www-authenticate') ?? '', /^Bearer realm=/);
    await anon.body?.cancel();

    const before = tokens.requests.length;
    const got = await new RegistryResolver().resolve(`${secured.host}/secure/img:v1`, { platform: host });
    assert.equal(got.digest, built.manifest.digest);
    assert.deepEqual(decode(got.config), decode(built.config));
    const asked = tokens.requests.slice(before);
    assert.ok(asked.length >= 1);
    assert.equal(asked[0].searchParams.get('service'), tokens.service);
    assert.equal(asked[0].searchParams.get('scope'), 'repository:secure/img:pull');
  } finally {
    await secured.stop();
    await tokens.stop();
  }
});
