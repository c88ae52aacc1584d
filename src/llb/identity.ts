// BuildKit's identity.NewID: 17 random bytes, the top bit set, written in
// base 36 with the leading digit dropped: always 25 characters of [0-9a-z].
// Local sources' unique ids and COPY --link progress groups use it.
import { closeSync, openSync, readSync } from 'node:fs';
import { nodeCrypto } from '../builtins.ts';

/** 17 bytes from the kernel's random source; node:crypto's where there is no /dev/urandom (it is not loaded otherwise). */
function randomBytes17(): Buffer {
  const p = Buffer.alloc(17);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, p, 0, 17, null) === 17) return p;
    } finally {
      closeSync(fd);
    }
  } catch {
    // No /dev/urandom here.
  }
  return nodeCrypto().randomFillSync(p);
}

export function newID(): string {
  const p = randomBytes17();
  p[0] |= 0x80;
  return BigInt(`0x${p.toString('hex')}`).toString(36).slice(1, 26);
}
