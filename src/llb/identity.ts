// BuildKit's identity.NewID: 17 random bytes, the top bit set, written in
// base 36 with the leading digit dropped: always 25 characters of [0-9a-z].
// Local sources' unique ids and COPY --link progress groups use it.
import { randomBytes } from 'node:crypto';

export function newID(): string {
  const p = randomBytes(17);
  p[0] |= 0x80;
  return BigInt(`0x${p.toString('hex')}`).toString(36).slice(1, 26);
}
