// The WebAssembly SHA-256 of op digests (src/llb/sha256.ts) against
// node:crypto, and src/llb/sha256-wasm.ts against what `npm run gen:sha256`
// assembles from the module's text now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WASM_FILE, sha256WasmSource } from './sha256-gen.ts';
import { MODULE_LIMIT, moduleSha256Hex, sha256Hex } from '../../src/llb/sha256.ts';

const openssl = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

test('src/llb/sha256-wasm.ts is what `npm run gen:sha256` writes now', async () => {
  assert.equal(readFileSync(WASM_FILE, 'utf8'), await sha256WasmSource(), 'run `npm run gen:sha256`');
});

test('the module digests as node:crypto does: every length to 1,100 bytes (each padding case), then larger and smaller again', () => {
  let bad = 0;
  for (let n = 0; n <= 1100; n++) {
    const b = randomBytes(n);
    if (moduleSha256Hex(b) !== openssl(b)) bad++;
  }
  // Memory grows for the large inputs; small ones after them must not see their bytes.
  for (const n of [65536 - 1024, 65536 - 1023, 200_000, 1_000_003, 3, 0, 64, 131_072]) {
    const b = randomBytes(n);
    assert.equal(moduleSha256Hex(b), openssl(b), `${n} bytes`);
  }
  const same = new Uint8Array(5000).fill(0xff);
  assert.equal(moduleSha256Hex(same), openssl(same));
  assert.equal(moduleSha256Hex(same.subarray(17, 4001)), openssl(same.subarray(17, 4001)), 'a view into a larger buffer');
  assert.equal(bad, 0);
});

test('sha256Hex gives the same digests on both sides of the module limit', () => {
  let total = 0;
  let n = 0;
  while (total < MODULE_LIMIT * 2) {
    const b = randomBytes(37 + ((n * 7919) % 3000));
    assert.equal(sha256Hex(b), openssl(b));
    total += b.length;
    n++;
  }
  assert.ok(n > 40);
});
