// SHA-256 for op digests without loading node:crypto at start-up (~3 ms of
// a process that converts a small Dockerfile): small inputs, which are nearly
// all ops, are hashed by @noble/hashes until they add up to 128 KiB (about
// what noble, still cold, hashes in the time node:crypto takes to load);
// from then on, and for any single input from 64 KiB on (a large heredoc or
// file contents in an op), node:crypto is loaded and hashes them, several
// times faster. The two give the same digest.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { nodeCrypto } from '../builtins.ts';

let nativeFrom = 64 * 1024;
/** Bytes noble may still hash before node:crypto takes over. */
let nobleBudget = 128 * 1024;

/** From now on every digest by node:crypto (for a process that loads it anyway). */
export function digestsByNodeCrypto(): void {
  nativeFrom = 0;
}

/** The hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  if (bytes.length < nativeFrom) {
    nobleBudget -= bytes.length;
    if (nobleBudget < 0) nativeFrom = 0;
    return bytesToHex(sha256(bytes));
  }
  const c = nodeCrypto();
  // crypto.hash (Node >= 20.12) hashes in one call, without a Hash object.
  return typeof c.hash === 'function' ? c.hash('sha256', bytes, 'hex') : c.createHash('sha256').update(bytes).digest('hex');
}
