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

// The checks are regular expressions, native code, where a loop over a
// digest's characters runs interpreted in a fresh process (~50 µs a digest,
// cold). None repeats a group: a repeated group grows the backtracking stack
// with each repetition, and a 16 MB algorithm of eight million `-a`
// segments overflowed it ("Maximum call stack size exceeded", where upstream
// answers "unsupported digest algorithm"). A grammar of separated components
// is checked instead as its characters, its first one, and a component after
// each separator.
const LOWER_HEX = /^[0-9a-f]*$/;

/**
 * Whether s has the general digest shape
 * `[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
 * (distribution/reference's digest pattern, also go-digest's DigestRegexp).
 */
export function hasDigestShape(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 0) return false;
  const algorithm = s.slice(0, colon);
  return /^[A-Za-z][A-Za-z0-9_+.-]*$/.test(algorithm) && !/[-_+.](?![A-Za-z])/.test(algorithm) && /^[0-9a-fA-F]{32,}$/.test(s.slice(colon + 1));
}

/**
 * Whether a digest's shape is anywhere in s, as the unanchored pattern above
 * finds one: a colon, 32 hex digits after it, and a letter in the run of
 * letters and digits just before it (the pattern's last component; its
 * earlier ones are optional).
 */
export function containsDigest(s: string): boolean {
  const at = /:[0-9a-fA-F]{32}/g;
  for (let m = at.exec(s); m !== null; m = at.exec(s)) {
    for (let i = m.index - 1; i >= 0; i--) {
      const c = s.charCodeAt(i);
      if (isAlpha(c)) return true;
      if (!(c >= 0x30 && c <= 0x39)) break;
    }
  }
  return false;
}

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * go-digest v1.0.0's DigestRegexpAnchored,
 * `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`, checked as hasDigestShape is.
 */
function goDigestMatches(algorithm: string, encoded: string): boolean {
  return /^[a-z0-9][a-z0-9.+_-]*$/.test(algorithm) && !/[.+_-](?![a-z0-9])/.test(algorithm) && /^[a-zA-Z0-9=_-]+$/.test(encoded);
}

/** go-digest's Digest.Validate: undefined when valid, else the error text. */
export function validateDigest(s: string): string | undefined {
  const i = s.indexOf(':');
  if (i <= 0 || i + 1 === s.length) return ERR_DIGEST_INVALID_FORMAT;
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const want = HEX_LENGTH.get(algorithm);
  if (want === undefined) {
    // go-digest's own DigestRegexpAnchored (not distribution's digest pattern).
    return goDigestMatches(algorithm, encoded) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
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
