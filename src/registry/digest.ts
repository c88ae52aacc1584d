// Content digests ("algorithm:hex"), validated as opencontainers/go-digest
// v1.0.0 does, because reference parsing and blob verification both depend on
// its exact accept/reject decisions and error texts.
import { nodeCrypto } from '../builtins.ts';

export type Digest = string;

export class DigestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestError';
  }
}

export const ERR_DIGEST_INVALID_FORMAT = 'invalid checksum digest format';
export const ERR_DIGEST_INVALID_LENGTH = 'invalid checksum digest length';
export const ERR_DIGEST_UNSUPPORTED = 'unsupported digest algorithm';

/** Hex length of each algorithm go-digest registers (all linked into BuildKit). */
const HEX_LENGTH: ReadonlyMap<string, number> = new Map([
  ['sha256', 64],
  ['sha384', 96],
  ['sha512', 128],
]);

function isLowerHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function isAnyHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Whether s has the general digest shape
 * `[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
 * (distribution/reference's digest pattern, also go-digest's DigestRegexp).
 * A hand-written scan, so hostile input costs linear time.
 */
export function hasDigestShape(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon <= 0) return false;
  // Algorithm: alpha-led runs of alphanumerics joined by single separators.
  let needAlpha = true;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    if (needAlpha) {
      if (!isAlpha(c)) return false;
      needAlpha = false;
    } else if (c === 0x2d || c === 0x5f || c === 0x2b || c === 0x2e) {
      needAlpha = true;
    } else if (!isAlpha(c) && !isDigit(c)) {
      return false;
    }
  }
  if (needAlpha) return false;
  const hexLen = s.length - colon - 1;
  if (hexLen < 32) return false;
  for (let i = colon + 1; i < s.length; i++) if (!isAnyHex(s.charCodeAt(i))) return false;
  return true;
}

/** go-digest's Digest.Validate: undefined when valid, else the error text. */
/** go-digest v1.0.0's DigestRegexpAnchored (unambiguous: linear to match). */
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

export function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return ERR_DIGEST_INVALID_FORMAT;
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const want = HEX_LENGTH.get(algorithm);
  if (want === undefined) {
    // go-digest's own DigestRegexpAnchored (not distribution's digest pattern).
    return GO_DIGEST.test(s) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  }
  // Go counts bytes.
  if (Buffer.byteLength(encoded, 'utf8') !== want) return ERR_DIGEST_INVALID_LENGTH;
  return isLowerHex(encoded) ? undefined : ERR_DIGEST_INVALID_FORMAT;
}

/** go-digest's Parse: returns the digest or throws its error text. */
export function parseDigest(s: string): Digest {
  const err = validateDigest(s);
  if (err !== undefined) throw new DigestError(err);
  return s;
}

/** The sha256 digest of some bytes, the algorithm every registry uses. */
export function sha256Digest(data: Uint8Array): Digest {
  return `sha256:${nodeCrypto().createHash('sha256').update(data).digest('hex')}`;
}

/** Hashes data with the digest's own algorithm and compares. */
export function verifyDigest(data: Uint8Array, digest: Digest): boolean {
  const i = digest.indexOf(':');
  const algorithm = digest.slice(0, i);
  if (!HEX_LENGTH.has(algorithm)) return false;
  return `${algorithm}:${nodeCrypto().createHash(algorithm).update(data).digest('hex')}` === digest;
}
