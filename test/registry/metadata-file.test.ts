// The offline resolver behind `--image-metadata FILE`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetadataFileResolver, parseImageMetadata } from '../../src/registry/metadata-file.ts';
import { parsePlatform } from '../../src/platform/platform.ts';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;

const metadata = {
  'docker.io/library/alpine:3.19': { digest: D1, config: { os: 'linux', architecture: 'amd64', config: { Cmd: ['/bin/sh'] } } },
  'docker.io/library/alpine:3.19@linux/arm64': { digest: D2, config: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
  'docker.io/library/alpine:3.19@linux/arm/v7': { digest: D3, config: { os: 'linux', architecture: 'arm', variant: 'v7' } },
};

function decode(b: Uint8Array): unknown {
  return JSON.parse(Buffer.from(b).toString('utf8'));
}

test('platform-specific keys win, the plain key is the fallback', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'meta-'));
  try {
    const file = join(dir, 'images.json');
    writeFileSync(file, JSON.stringify(metadata));
    const r = MetadataFileResolver.fromFile(file);
    const ref = 'docker.io/library/alpine:3.19';
    const amd = await r.resolve(ref, { platform: parsePlatform('linux/amd64') });
    assert.deepEqual({ ref: amd.ref, digest: amd.digest }, { ref, digest: D1 });
    assert.deepEqual(decode(amd.config), metadata[ref].config);
    // linux/arm64/v8 normalizes to linux/arm64.
    assert.equal((await r.resolve(ref, { platform: parsePlatform('linux/arm64/v8') })).digest, D2);
    assert.equal((await r.resolve(ref, { platform: parsePlatform('linux/arm') })).digest, D3);
    await assert.rejects(r.resolve('docker.io/library/busybox:latest', { platform: parsePlatform('linux/amd64') }), {
      message: `image metadata for docker.io/library/busybox:latest (linux/amd64) not found in ${file}`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('malformed files are rejected up front', () => {
  assert.throws(() => parseImageMetadata('[]', 'f.json'), /invalid image metadata file f.json: expected a JSON object/);
  assert.throws(() => parseImageMetadata('{"a":{"digest":"x","config":{}}}', 'f.json'), /entry "a": invalid checksum digest format/);
  assert.throws(() => parseImageMetadata('{"a":{"digest":"sha256:' + '1'.repeat(64) + '"}}', 'f.json'), /needs a "digest" string and a "config"/);
  assert.throws(() => parseImageMetadata('{', 'f.json'), /invalid image metadata file f.json:/);
});
