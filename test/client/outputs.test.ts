// --tag, --push and --output as buildx turns them into exports (its
// build/opt.go): each tag parsed as a reference, not normalized, its error
// named; the tags name every image, oci and docker export; a pushed image
// needs a name. No daemon needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attestations, cacheEntries, canonicalAttest, frontendAttrs, parseOutputs } from '../../src/client/build.ts';
import { parse } from '../../src/registry/reference.ts';
import { goQuote } from '../../src/go/strconv.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const exportsOf = (outputs: string[], tags: string[], push = false) => parseOutputs(outputs, tags, push, process.stdout).exports;

test('tags: parsed as references (the parser upstream-tested elsewhere), refused with the tag named', () => {
  for (const tag of ['UPPER', 'bad tag', 'x@sha256:abc', ':tag', 'a/b/c:d:e', '']) {
    let want = '';
    try {
      parse(tag);
    } catch (e) {
      want = `invalid tag ${goQuote(tag)}: ${(e as Error).message}`;
    }
    assert.notEqual(want, '', tag);
    assert.throws(() => exportsOf([], [tag]), { message: want }, tag);
  }
  // Not normalized: the name is the tag as written.
  assert.deepEqual(exportsOf([], ['foo', 'localhost:5000/x:1']), [{ type: 'image', attrs: { name: 'foo,localhost:5000/x:1' } }]);
});

test('tags name every image, oci and docker export, over a name of its own; other exports keep none', () => {
  assert.deepEqual(exportsOf(['type=image,name=mine', 'type=oci,dest=/tmp/x.tar', 'type=local,dest=/tmp/out'], ['t1', 't2']), [
    { type: 'image', attrs: { name: 't1,t2' } },
    { type: 'oci', attrs: { name: 't1,t2' } },
    { type: 'local', attrs: {} },
  ]);
});

test('a pushed image needs a name: --push alone, type=registry or push=true without one', () => {
  for (const [outputs, push] of [[[], true], [['type=registry'], false], [['type=image,push=1'], false]] as const) {
    assert.throws(() => exportsOf([...outputs], [], push), { message: 'tag is needed when pushing to registry' });
  }
  assert.deepEqual(exportsOf(['type=image,name=x,push=true'], []), [{ type: 'image', attrs: { name: 'x', push: 'true' } }]);
  assert.deepEqual(exportsOf([], ['r/x:1'], true), [{ type: 'image', attrs: { name: 'r/x:1', push: 'true' } }]);
});

test('buildx flags as frontend options: --pull, --no-cache-filter (--no-cache wins), --network, SOURCE_DATE_EPOCH unless a build arg sets it', () => {
  const env = { SOURCE_DATE_EPOCH: '42' };
  assert.deepEqual(frontendAttrs({ pull: true, noCacheFilter: ['a', 'b'], env: {} }, 'Dockerfile', undefined), { 'image-resolve-mode': 'pull', 'no-cache': 'a,b' });
  assert.deepEqual(frontendAttrs({ noCacheFilter: ['a'], noCache: true, env: {} }, 'Dockerfile', undefined), { 'no-cache': '' });
  assert.deepEqual(frontendAttrs({ network: 'host', env }, 'Dockerfile', undefined), { 'build-arg:SOURCE_DATE_EPOCH': '42', 'force-network-mode': 'host' });
  assert.deepEqual(frontendAttrs({ buildArgs: { SOURCE_DATE_EPOCH: '7' }, network: 'default', env }, 'Dockerfile', undefined), { 'build-arg:SOURCE_DATE_EPOCH': '7' });
});

test('--platform as buildx sends it: parsed and normalized as containerd does (its own vectors), a bad or empty one failing with containerd\'s error', () => {
  // test/registry/testdata/platform-vectors.json: what containerd/platforms returns for each input.
  const vectors = JSON.parse(readFileSync(new URL('../registry/testdata/platform-vectors.json', import.meta.url), 'utf8')) as {
    parse: { input: string; err?: string; normalized?: { os: string; architecture: string; variant?: string; 'os.version'?: string; 'os.features'?: string[] } }[];
  };
  let sent = 0;
  let refused = 0;
  for (const c of vectors.parse) {
    // A lone OS or architecture borrows the rest from the machine that made the vectors.
    if (!c.input.includes('/') && c.input !== '') continue;
    const attrs = (): Record<string, string> => frontendAttrs({ platforms: [c.input], env: {} }, 'Dockerfile', undefined);
    if (c.err !== undefined) {
      assert.throws(attrs, { message: c.err }, c.input);
      refused++;
      continue;
    }
    const n = c.normalized!;
    if (n['os.version'] !== undefined || n['os.features'] !== undefined) continue;
    assert.equal(attrs().platform, [n.os, n.architecture, n.variant ?? ''].filter((x) => x !== '').join('/'), c.input);
    sent++;
  }
  assert.ok(sent > 30 && refused > 10, `${sent} sent, ${refused} refused`);
});

test('attestations as buildx reads --attest, --sbom and --provenance: the last of a type wins, a disabled one sets nothing', () => {
  assert.equal(canonicalAttest('sbom', 'true'), 'type=sbom,disabled=false');
  assert.equal(canonicalAttest('provenance', '0'), 'type=provenance,disabled=true');
  assert.equal(canonicalAttest('provenance', 'mode=max'), 'type=provenance,mode=max');
  assert.deepEqual(
    [...attestations(['type=sbom,generator=x', canonicalAttest('provenance', 'mode=max'), 'type=sbom,disabled=false,scan-stage=true', canonicalAttest('provenance', 'false')])],
    [
      ['sbom', 'scan-stage=true'],
      ['provenance', undefined],
    ],
  );
});

test('--cache-from / --cache-to as buildx reads them: bare references, a type required, gha and s3 credentials from the environment', () => {
  assert.deepEqual(cacheEntries(['r.example/a:c,r.example/b:c'], false, {}), [
    { type: 'registry', attrs: { ref: 'r.example/a:c' } },
    { type: 'registry', attrs: { ref: 'r.example/b:c' } },
  ]);
  assert.throws(() => cacheEntries(['ref=r.example/a:c'], false, {}), { message: 'type required form> "ref=r.example/a:c"' });
  // gha: left out without a token and a URL, as buildx leaves it out; filled from GitHub Actions' variables.
  assert.deepEqual(cacheEntries(['type=gha'], true, {}), []);
  assert.deepEqual(cacheEntries(['type=gha,scope=s'], true, { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_CACHE_URL: 'https://c/' }), [{ type: 'gha', attrs: { scope: 's', token: 't', url: 'https://c/' } }]);
  assert.deepEqual(cacheEntries(['type=gha'], false, { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://r/', ACTIONS_CACHE_SERVICE_V2: 'true' }), [{ type: 'gha', attrs: { token: 't', url_v2: 'https://r/', url: 'https://r/' } }]);
  assert.deepEqual(cacheEntries(['type=gha,token=mine,url=https://u/'], false, { ACTIONS_RUNTIME_TOKEN: 't' }), [{ type: 'gha', attrs: { token: 'mine', url: 'https://u/' } }]);
  assert.deepEqual(cacheEntries(['type=s3,bucket=b,region=r'], true, { AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'sk', AWS_SESSION_TOKEN: 'st' }), [
    { type: 's3', attrs: { bucket: 'b', region: 'r', access_key_id: 'id', secret_access_key: 'sk', session_token: 'st' } },
  ]);
});

test('outputs refused as buildx refuses them: a local output to standard output or onto a file, two archives to standard output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outputs-'));
  try {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    assert.throws(() => exportsOf(['type=local,dest=-'], []), { message: 'dest cannot be stdout for local exporter' });
    assert.throws(() => exportsOf([`type=local,dest=${file}`], []), { message: `destination directory ${file} is a file` });
    assert.throws(() => exportsOf(['type=tar', 'type=oci,dest=-'], []), { message: 'multiple outputs configured to write to stdout' });
    assert.deepEqual(exportsOf(['type=tar', `type=oci,dest=${file}`], []).map((e) => e.type), ['tar', 'oci']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--platform local is this machine\'s platform, as buildx reads it', () => {
  const p = frontendAttrs({ platforms: ['LOCAL', 'linux/arm64'], env: {} }, 'Dockerfile', undefined).platform!;
  const host = `linux/${process.arch === 'x64' ? 'amd64' : process.arch}`;
  assert.equal(p, `${host},linux/arm64`);
});
