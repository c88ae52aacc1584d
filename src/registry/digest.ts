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

// Both checks are regular expressions: native code, where a loop over a
// digest's characters runs interpreted in a fresh process (~50 µs a digest,
// cold). Neither can backtrack more than a step: separators and the colon
// are the only characters either side may end a run on.
const LOWER_HEX = /^[0-9a-f]*$/;

/**
 * The general digest shape
 * `[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
 * (distribution/reference's digest pattern, also go-digest's DigestRegexp).
 */
const DIGEST_SHAPE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Whether s has the general digest shape (DIGEST_SHAPE). */
export function hasDigestShape(s: string): boolean {
  return DIGEST_SHAPE.test(s);
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
  return LOWER_HEX.test(encoded) ? undefined : ERR_DIGEST_INVALID_FORMAT;
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
