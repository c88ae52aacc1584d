export type Digest = string;
export declare class DigestError extends Error {
    constructor(message: string);
}
export declare const ERR_DIGEST_INVALID_FORMAT = "invalid checksum digest format";
export declare const ERR_DIGEST_INVALID_LENGTH = "invalid checksum digest length";
export declare const ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";
/**
 * Whether s has the general digest shape
 * `[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
 * (distribution/reference's digest pattern, also go-digest's DigestRegexp).
 * A hand-written scan, so hostile input costs linear time.
 */
export declare function hasDigestShape(s: string): boolean;
/** go-digest's Digest.Validate: undefined when valid, else the error text. */
export declare function validateDigest(s: string): string | undefined;
/** go-digest's Parse: returns the digest or throws its error text. */
export declare function parseDigest(s: string): Digest;
/** The sha256 digest of some bytes, the algorithm every registry uses. */
export declare function sha256Digest(data: Uint8Array): Digest;
/** Hashes data with the digest's own algorithm and compares. */
export declare function verifyDigest(data: Uint8Array, digest: Digest): boolean;
