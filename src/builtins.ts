// Node's built-in modules that a conversion seldom needs, loaded when first
// used: each costs a few milliseconds at start-up, which is much of what a
// `dockerfile-llb llb` run of a small Dockerfile adds to Node's own start.
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');
type NodeNet = typeof import('node:net');

let load: NodeJS.Require | undefined;
const builtin = <T>(name: string): T => {
  load ??= createRequire(import.meta.url);
  return load(name) as T;
};

let crypto: NodeCrypto | undefined;
/** node:crypto (digests of large inputs, registry blobs, random bytes where there is no /dev/urandom). */
export function nodeCrypto(): NodeCrypto {
  crypto ??= builtin<NodeCrypto>('node:crypto');
  return crypto;
}

let net: NodeNet | undefined;
/** node:net (IP address syntax: EXPOSE with an address, extra hosts). */
export function nodeNet(): NodeNet {
  net ??= builtin<NodeNet>('node:net');
  return net;
}
