// BuildKit's identity.NewID: 17 random bytes, the top bit set, written in
// base 36 with the leading digit dropped: always 25 characters of [0-9a-z].
// Local sources' unique ids and COPY --link progress groups use it.
import { closeSync, openSync, readSync } from 'node:fs';
import { nodeCrypto } from '../builtins.ts';

/** Random bytes read ahead, enough for this many ids: one read of the kernel's source for them, not an open, a read and a close each (~45 µs; every marshal makes one). */
const IDS_PER_READ = 240;
let pool: Buffer | undefined;
let used = 0;

/** `p` filled from /dev/urandom; node:crypto's where there is none (node:crypto is not loaded otherwise). */
function fillRandom(p: Buffer): Buffer {
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      let n = 0;
      while (n < p.length) {
        const got = readSync(fd, p, n, p.length - n, null);
        if (got <= 0) break;
        n += got;
      }
      if (n === p.length) return p;
    } finally {
      closeSync(fd);
    }
  } catch {
    // No /dev/urandom here.
  }
  return nodeCrypto().randomFillSync(p);
}

/** 17 fresh random bytes (each handed out once). */
function randomBytes17(): Buffer {
  if (pool === undefined || used + 17 > pool.length) {
    pool = fillRandom(Buffer.allocUnsafe(17 * IDS_PER_READ));
    used = 0;
  }
  const p = pool.subarray(used, used + 17);
  used += 17;
  return p;
}

export function newID(): string {
  const p = randomBytes17();
  p[0] |= 0x80;
  return BigInt(`0x${p.toString('hex')}`).toString(36).slice(1, 26);
}
