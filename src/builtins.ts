// Node's built-in modules that a conversion seldom needs, loaded when first
// used: each costs a few milliseconds at start-up, which is much of what a
// `dockerfile-llb llb` run of a small Dockerfile adds to Node's own start.
type NodeCrypto = typeof import('node:crypto');
type NodeNet = typeof import('node:net');
type NodeChildProcess = typeof import('node:child_process');
type NodeModule = typeof import('node:module');
type NodeZlib = typeof import('node:zlib');

// process.getBuiltinModule (Node.js >= 20.16) loads a built-in without
// node:module, whose own loading (createRequire) costs as much as what it
// would save; the CommonJS entry point's require serves older versions.
const builtin = <T>(name: string): T => {
  const get = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (get !== undefined) return get.call(process, name) as T;
  const main = process.mainModule;
  if (main === undefined) throw new Error(`cannot load ${name}: this Node.js has no process.getBuiltinModule (Node.js 20.16 or later has)`);
  return main.require(name) as T;
};

let crypto: NodeCrypto | undefined;
/** node:crypto (digests of large inputs, registry blobs, random bytes where there is no /dev/urandom). */
export function nodeCrypto(): NodeCrypto {
  crypto ??= builtin<NodeCrypto>('node:crypto');
  return crypto;
}

let net: NodeNet | undefined;
/** node:net (IP address syntax: EXPOSE with an address, IPv6 hosts in URLs). */
export function nodeNet(): NodeNet {
  net ??= builtin<NodeNet>('node:net');
  return net;
}

let childProcess: NodeChildProcess | undefined;
/** node:child_process (registry credential helpers; with it load dgram and tty, ~1-4 ms). */
export function nodeChildProcess(): NodeChildProcess {
  childProcess ??= builtin<NodeChildProcess>('node:child_process');
  return childProcess;
}

let moduleApi: NodeModule | undefined;
/** node:module (createRequire, where the CommonJS bundles' own require is not at hand). */
export function nodeModule(): NodeModule {
  moduleApi ??= builtin<NodeModule>('node:module');
  return moduleApi;
}

let zlib: NodeZlib | undefined;
/** node:zlib (a gzipped SOURCE_DATE_EPOCH context archive; ~1 ms to load, which a build seldom needs). */
export function nodeZlib(): NodeZlib {
  zlib ??= builtin<NodeZlib>('node:zlib');
  return zlib;
}
