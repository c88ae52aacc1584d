// `--ssh ID=KEYFILE[,KEYFILE...]`: private key files served as an SSH agent,
// as buildctl and buildx do (BuildKit's sshprovider puts the keys in a
// read-only in-memory keyring and answers the agent protocol for it).
//
// The agent protocol (draft-miller-ssh-agent): messages of a uint32 length
// and a type byte. This agent answers REQUEST_IDENTITIES and SIGN_REQUEST
// (RSA with SHA-1, or the SHA-2 algorithm one flag names; other keys with no
// flags, as Go's keyring signs); a request it cannot answer, and anything
// else — adding, removing, locking, extensions — gets FAILURE, as the
// read-only keyring refuses it. Keys are read as Go's ssh.ParseRawPrivateKey
// reads them: OpenSSH's own format and PEM (PKCS#1, PKCS#8, SEC 1); a
// passphrase-protected key is an error. The cryptography is node:crypto's.
import { createPrivateKey, sign as cryptoSign, type KeyObject, type JsonWebKey } from 'node:crypto';

const FAILURE = 5;
const REQUEST_IDENTITIES = 11;
const IDENTITIES_ANSWER = 12;
const SIGN_REQUEST = 13;
const SIGN_RESPONSE = 14;
const RSA_SHA2_256 = 2;
const RSA_SHA2_512 = 4;

/** A key the agent holds: its public key blob and how it signs (undefined: flags it refuses). */
export interface AgentKey {
  blob: Buffer;
  sign(data: Buffer, flags: number): Buffer | undefined;
}

// ---- SSH wire encoding (RFC 4251: string, mpint, uint32)

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function sshString(b: Buffer | string): Buffer {
  const data = typeof b === 'string' ? Buffer.from(b) : b;
  return Buffer.concat([u32(data.length), data]);
}

/** A non-negative integer given as unsigned big-endian bytes, as an mpint. */
function mpint(unsigned: Buffer): Buffer {
  let i = 0;
  while (i < unsigned.length && unsigned[i] === 0) i++;
  let v = unsigned.subarray(i);
  if (v.length > 0 && (v[0]! & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v]);
  return sshString(v);
}

class Reader {
  private off = 0;
  constructor(private readonly buf: Buffer) {}
  u32(): number {
    if (this.off + 4 > this.buf.length) throw new Error('truncated');
    const n = this.buf.readUInt32BE(this.off);
    this.off += 4;
    return n;
  }
  bytes(): Buffer {
    const n = this.u32();
    if (this.off + n > this.buf.length) throw new Error('truncated');
    const b = this.buf.subarray(this.off, this.off + n);
    this.off += n;
    return b;
  }
  text(): string {
    return this.bytes().toString();
  }
  /** An mpint as unsigned big-endian bytes (keys never hold negative numbers). */
  unsigned(): Buffer {
    const b = this.bytes();
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    return b.subarray(i);
  }
}

const b64u = (b: Buffer): string => b.toString('base64url');
const fromB64u = (s: string | undefined): Buffer => Buffer.from(s ?? '', 'base64url');

function bigOf(b: Buffer): bigint {
  return b.length === 0 ? 0n : BigInt('0x' + b.toString('hex'));
}

function bytesOf(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}

/** Left-pads to `len` bytes (EC coordinates and scalars are fixed-size in a JWK). */
function pad(b: Buffer, len: number): Buffer {
  return b.length >= len ? b.subarray(b.length - len) : Buffer.concat([Buffer.alloc(len - b.length), b]);
}

const CURVES: Record<string, { jwk: string; size: number; hash: string }> = {
  nistp256: { jwk: 'P-256', size: 32, hash: 'sha256' },
  nistp384: { jwk: 'P-384', size: 48, hash: 'sha384' },
  nistp521: { jwk: 'P-521', size: 66, hash: 'sha512' },
};
const CURVE_BY_JWK: Record<string, string> = { 'P-256': 'nistp256', 'P-384': 'nistp384', 'P-521': 'nistp521' };

// ---- Private keys

/** OpenSSH's "openssh-key-v1" container, unencrypted: the first key as a JWK. */
function parseOpenSSH(der: Buffer): JsonWebKey {
  const magic = 'openssh-key-v1\0';
  if (der.subarray(0, magic.length).toString('latin1') !== magic) throw new Error('ssh: invalid openssh private key format');
  const r = new Reader(der.subarray(magic.length));
  const cipher = r.text();
  const kdf = r.text();
  r.bytes(); // kdf options
  if (cipher !== 'none' || kdf !== 'none') throw new Error('ssh: this private key is passphrase protected');
  const n = r.u32();
  if (n !== 1) throw new Error('ssh: multi-key files are not supported');
  r.bytes(); // the public key
  const p = new Reader(r.bytes());
  if (p.u32() !== p.u32()) throw new Error('ssh: malformed OpenSSH key');
  const type = p.text();
  switch (type) {
    case 'ssh-ed25519': {
      const pub = p.bytes();
      const priv = p.bytes();
      if (pub.length !== 32 || priv.length !== 64) throw new Error('ssh: malformed ed25519 key');
      return { kty: 'OKP', crv: 'Ed25519', x: b64u(pub), d: b64u(priv.subarray(0, 32)) };
    }
    case 'ssh-rsa': {
      const [nn, e, d, iqmp, pp, q] = [p.unsigned(), p.unsigned(), p.unsigned(), p.unsigned(), p.unsigned(), p.unsigned()];
      const D = bigOf(d);
      return {
        kty: 'RSA',
        n: b64u(nn),
        e: b64u(e),
        d: b64u(d),
        p: b64u(pp),
        q: b64u(q),
        dp: b64u(bytesOf(D % (bigOf(pp) - 1n))),
        dq: b64u(bytesOf(D % (bigOf(q) - 1n))),
        qi: b64u(iqmp),
      };
    }
    case 'ecdsa-sha2-nistp256':
    case 'ecdsa-sha2-nistp384':
    case 'ecdsa-sha2-nistp521': {
      const curve = CURVES[p.text()];
      if (curve === undefined) throw new Error('ssh: unsupported curve');
      const q = p.bytes();
      const d = p.unsigned();
      if (q[0] !== 4 || q.length !== 1 + 2 * curve.size) throw new Error('ssh: malformed ECDSA key');
      return { kty: 'EC', crv: curve.jwk, x: b64u(q.subarray(1, 1 + curve.size)), y: b64u(q.subarray(1 + curve.size)), d: b64u(pad(d, curve.size)) };
    }
    default:
      throw new Error(`ssh: unhandled key type ${JSON.stringify(type)}`);
  }
}

/** A private key file's key, as Go's ssh.ParseRawPrivateKey accepts them. */
export function parsePrivateKey(pem: Buffer): KeyObject {
  const text = pem.toString('latin1');
  const block = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (block === null) throw new Error('ssh: no key found');
  const [, label, body] = block;
  if (/^Proc-Type:\s*4,ENCRYPTED/m.test(body!) || label === 'ENCRYPTED PRIVATE KEY') throw new Error('ssh: this private key is passphrase protected');
  if (label === 'OPENSSH PRIVATE KEY') {
    const der = Buffer.from(body!.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
    return createPrivateKey({ key: parseOpenSSH(der), format: 'jwk' });
  }
  if (label === 'RSA PRIVATE KEY' || label === 'PRIVATE KEY' || label === 'EC PRIVATE KEY') return createPrivateKey({ key: block[0], format: 'pem' });
  throw new Error(`ssh: unsupported key type ${JSON.stringify(label)}`);
}

/** The agent's view of a private key: its public blob and signer. */
export function agentKey(key: KeyObject): AgentKey {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(fromB64u(jwk.x))]);
    return { blob, sign: (data, flags) => (flags !== 0 ? undefined : Buffer.concat([sshString('ssh-ed25519'), sshString(cryptoSign(null, data, key))])) };
  }
  if (jwk.kty === 'RSA') {
    const blob = Buffer.concat([sshString('ssh-rsa'), mpint(fromB64u(jwk.e)), mpint(fromB64u(jwk.n))]);
    return {
      blob,
      sign: (data, flags) => {
        // As Go's keyring: no flags is ssh-rsa (SHA-1); one SHA-2 flag picks that algorithm; anything else is refused.
        if (flags !== 0 && flags !== RSA_SHA2_256 && flags !== RSA_SHA2_512) return undefined;
        const [algo, hash] = flags === RSA_SHA2_512 ? ['rsa-sha2-512', 'sha512'] : flags === RSA_SHA2_256 ? ['rsa-sha2-256', 'sha256'] : ['ssh-rsa', 'sha1'];
        return Buffer.concat([sshString(algo!), sshString(cryptoSign(hash!, data, key))]);
      },
    };
  }
  if (jwk.kty === 'EC' && jwk.crv !== undefined && CURVE_BY_JWK[jwk.crv] !== undefined) {
    const name = CURVE_BY_JWK[jwk.crv]!;
    const curve = CURVES[name]!;
    const algo = `ecdsa-sha2-${name}`;
    const q = Buffer.concat([Buffer.from([4]), pad(fromB64u(jwk.x), curve.size), pad(fromB64u(jwk.y), curve.size)]);
    const blob = Buffer.concat([sshString(algo), sshString(name), sshString(q)]);
    return {
      blob,
      sign: (data, flags) => {
        if (flags !== 0) return undefined;
        const rs = cryptoSign(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' });
        const half = rs.length / 2;
        return Buffer.concat([sshString(algo), sshString(Buffer.concat([mpint(rs.subarray(0, half)), mpint(rs.subarray(half))]))]);
      },
    };
  }
  throw new Error(`ssh: unsupported key type ${jwk.kty ?? '?'}`);
}

/** One agent request's answer. */
export function agentAnswer(keys: readonly AgentKey[], request: Buffer): Buffer {
  const type = request[0];
  try {
    if (type === REQUEST_IDENTITIES) {
      // Go's keyring lists its keys with their comments: none for keys read from files.
      return Buffer.concat([Buffer.from([IDENTITIES_ANSWER]), u32(keys.length), ...keys.flatMap((k) => [sshString(k.blob), sshString('')])]);
    }
    if (type === SIGN_REQUEST) {
      const r = new Reader(request.subarray(1));
      const blob = r.bytes();
      const data = r.bytes();
      const flags = r.u32();
      const sig = keys.find((k) => k.blob.equals(blob))?.sign(Buffer.from(data), flags);
      if (sig !== undefined) return Buffer.concat([Buffer.from([SIGN_RESPONSE]), sshString(sig)]);
    }
  } catch {
    /* a malformed request */
  }
  return Buffer.from([FAILURE]);
}

/**
 * One forwarded agent connection: feed it what the daemon sends; each
 * complete request's answer goes to `write`. A request over 256 KiB (Go's
 * agent server's limit) ends the connection through `fail`.
 */
export function agentConnection(keys: readonly AgentKey[], write: (b: Buffer) => void, fail: (e: Error) => void): (chunk: Buffer) => void {
  let buf: Buffer = Buffer.alloc(0);
  return (chunk) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length >= 4) {
      const n = buf.readUInt32BE(0);
      if (n > 256 * 1024) {
        fail(new Error(`agent: request too large: ${n}`));
        buf = Buffer.alloc(0);
        return;
      }
      if (buf.length < 4 + n) break;
      const answer = agentAnswer(keys, buf.subarray(4, 4 + n));
      buf = buf.subarray(4 + n);
      write(Buffer.concat([u32(answer.length), answer]));
    }
  };
}
