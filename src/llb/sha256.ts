// SHA-256 of ops. Two ways, the same digests:
// - a small WebAssembly module (src/llb/sha256-wasm.ts, written by `npm run
//   gen:sha256`), compiled on the first digest: ~0.5 ms to compile and start,
//   where loading node:crypto costs ~2–2.5 ms of a fresh process. A
//   `dockerfile-llb llb` run of a 40-line Dockerfile (18 ops, 15 KB hashed)
//   took 0.96 of its time with it (60 runs alternating).
// - node:crypto (OpenSSL, ~5x faster per byte than the module running as
//   V8's baseline code), once a process has hashed MODULE_LIMIT bytes, or
//   when it has node:crypto loaded anyway (`preferNodeCrypto`: every process
//   that loads the gRPC client, whose node:http2 loads it).
// A JavaScript SHA-256 (@noble/hashes, used here before) runs interpreted at
// first: slower than either.
import { nodeCrypto } from '../builtins.ts';
import { SHA256_DIGEST, SHA256_INPUT, SHA256_WASM } from './sha256-wasm.ts';

/** How many bytes a process hashes with the module before it turns to node:crypto. */
export const MODULE_LIMIT = 64 * 1024;

interface Sha256Module {
  memory: WebAssembly.Memory;
  sha256(ptr: number, len: number): void;
}

let module: Sha256Module | undefined;
let hashedByModule = 0;
let useNodeCrypto = false;
const HEX: string[] = [];

/** Digests go to node:crypto from now on (the process has it loaded already). */
export function preferNodeCrypto(): void {
  useNodeCrypto = true;
}

function startModule(): Sha256Module {
  const bytes = Buffer.from(SHA256_WASM, 'base64');
  const m = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as Sha256Module;
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));
  return m;
}

/** The hex SHA-256 of `bytes` by the WebAssembly module. */
export function moduleSha256Hex(bytes: Uint8Array): string {
  module ??= startModule();
  const { memory } = module;
  const need = SHA256_INPUT + bytes.length;
  if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
  const mem = new Uint8Array(memory.buffer);
  mem.set(bytes, SHA256_INPUT);
  module.sha256(SHA256_INPUT, bytes.length);
  let hex = '';
  for (let i = SHA256_DIGEST; i < SHA256_DIGEST + 32; i++) hex += HEX[mem[i]!];
  return hex;
}

/** The hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  if (!useNodeCrypto && hashedByModule + bytes.length <= MODULE_LIMIT) {
    hashedByModule += bytes.length;
    return moduleSha256Hex(bytes);
  }
  const c = nodeCrypto();
  // crypto.hash (Node >= 20.12) hashes in one call, without a Hash object.
  return typeof c.hash === 'function' ? c.hash('sha256', bytes, 'hex') : c.createHash('sha256').update(bytes).digest('hex');
}
