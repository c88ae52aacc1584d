// SHA-256 of ops, by node:crypto, loaded on the first digest (process.getBuiltinModule,
// src/builtins.ts). Loading it costs less than hashing in JavaScript on code
// that has only just started: a JavaScript SHA-256 (@noble/hashes, used here
// before) runs interpreted at first, and took ~1 ms more of a `dockerfile-llb
// llb` run on a 40-line Dockerfile (18 ops) than loading node:crypto did.
import { nodeCrypto } from '../builtins.ts';

/** The hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  const c = nodeCrypto();
  // crypto.hash (Node >= 20.12) hashes in one call, without a Hash object.
  return typeof c.hash === 'function' ? c.hash('sha256', bytes, 'hex') : c.createHash('sha256').update(bytes).digest('hex');
}
