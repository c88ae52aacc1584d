// Op digests: @noble/hashes below 64 KiB until 128 KiB in all, node:crypto
// from there on; both must give node:crypto's digest at every length around
// the block size and either switch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { digestsByNodeCrypto, sha256Hex } from '../../src/llb/sha256.ts';
import { sha256Digest } from '../../src/llb/vertex.ts';

test('sha256Hex equals node:crypto at every length around the block size and the switch to node:crypto', () => {
  const lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000, 65535, 65536, 65537, 200_000];
  for (const n of lengths) {
    const b = randomBytes(n);
    assert.equal(sha256Hex(b), createHash('sha256').update(b).digest('hex'), `length ${n}`);
  }
  assert.equal(sha256Digest(new TextEncoder().encode('abc')), 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('many small inputs, past the 128 KiB noble hashes before node:crypto takes over, keep the same digests', () => {
  for (let i = 0; i < 400; i++) {
    const b = randomBytes(300 + (i % 700));
    assert.equal(sha256Hex(b), createHash('sha256').update(b).digest('hex'), `input ${i}`);
  }
});

test('after digestsByNodeCrypto every length still gives the same digest', () => {
  digestsByNodeCrypto();
  for (const n of [0, 1, 64, 1000, 70_000]) {
    const b = randomBytes(n);
    assert.equal(sha256Hex(b), createHash('sha256').update(b).digest('hex'), `length ${n}`);
  }
});
