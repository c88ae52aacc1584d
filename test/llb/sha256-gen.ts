// Writes src/llb/sha256-wasm.ts, the WebAssembly SHA-256 that digests a
// small conversion's ops (src/llb/sha256.ts says when): `npm run gen:sha256`.
// The module is the text below (WebAssembly's text format), assembled by
// wabt; its round constants and initial state are computed here from their
// definition (FIPS 180-4: the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes, and of the square roots of the first
// 8). test/llb/sha256.test.ts checks the file is what this writes now, and
// the digests against node:crypto.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wabtInit from 'wabt';

export const WASM_FILE = join(import.meta.dirname, '..', '..', 'src', 'llb', 'sha256-wasm.ts');

/** floor(x^(1/k)) of a non-negative integer. */
function integerRoot(x: bigint, k: bigint): bigint {
  let lo = 0n;
  let hi = 1n;
  while (hi ** k <= x) hi *= 2n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (mid ** k <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

function primes(n: number): number[] {
  const out: number[] = [];
  for (let c = 2; out.length < n; c++) if (out.every((p) => c % p !== 0)) out.push(c);
  return out;
}

/** The first 32 bits of the fractional part of p^(1/k). */
const fraction32 = (p: number, k: bigint): number => Number(integerRoot(BigInt(p) << (32n * k), k) & 0xffffffffn);

export const ROUND_CONSTANTS = primes(64).map((p) => fraction32(p, 3n));
export const INITIAL_STATE = primes(8).map((p) => fraction32(p, 2n));

/** Words as a data segment's string, each little-endian (as i32.load reads it). */
const dataString = (words: number[]): string =>
  words.map((w) => [0, 8, 16, 24].map((s) => '\\' + ((w >>> s) & 0xff).toString(16).padStart(2, '0')).join('')).join('');

const VARS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
/** Memory layout (bytes): the message schedule, the digest, the padded tail, constants, state, input. */
export const LAYOUT = { schedule: 0, digest: 256, tail: 384, constants: 512, initial: 768, state: 800, input: 1024 };
const L = LAYOUT;

/** The module's text. Exports `memory` and `sha256(ptr, len)`, which writes the digest at LAYOUT.digest. */
export function sha256Wat(): string {
  const state = (k: number): number => L.state + 4 * k;
  return `(module
  (memory (export "memory") 1)
  (data (i32.const ${L.constants}) "${dataString(ROUND_CONSTANTS)}")
  (data (i32.const ${L.initial}) "${dataString(INITIAL_STATE)}")
  ;; A big-endian word from a little-endian load (and back).
  (func $swap (param $x i32) (result i32)
    (i32.or (i32.and (i32.rotl (local.get $x) (i32.const 8)) (i32.const 0x00ff00ff))
            (i32.and (i32.rotr (local.get $x) (i32.const 8)) (i32.const 0xff00ff00))))
  ;; One 64-byte block at $p into the state.
  (func $block (param $p i32)
    (local $i i32) (local $x i32) (local $y i32) (local $t1 i32) (local $t2 i32)
    ${VARS.map((v) => `(local $${v} i32)`).join(' ')}
    ;; W[0..15]: the block's words.
    (loop $load
      (i32.store (i32.shl (local.get $i) (i32.const 2))
        (call $swap (i32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
      (br_if $load (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 16))))
    ;; W[16..63] = W[i-16] + s0(W[i-15]) + W[i-7] + s1(W[i-2]).
    (loop $extend
      (local.set $x (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 15)) (i32.const 2))))
      (local.set $y (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 2)) (i32.const 2))))
      (i32.store (i32.shl (local.get $i) (i32.const 2))
        (i32.add
          (i32.add (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 16)) (i32.const 2)))
                   (i32.load (i32.shl (i32.sub (local.get $i) (i32.const 7)) (i32.const 2))))
          (i32.add
            (i32.xor (i32.xor (i32.rotr (local.get $x) (i32.const 7)) (i32.rotr (local.get $x) (i32.const 18)))
                     (i32.shr_u (local.get $x) (i32.const 3)))
            (i32.xor (i32.xor (i32.rotr (local.get $y) (i32.const 17)) (i32.rotr (local.get $y) (i32.const 19)))
                     (i32.shr_u (local.get $y) (i32.const 10))))))
      (br_if $extend (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 64))))
    ${VARS.map((v, k) => `(local.set $${v} (i32.load (i32.const ${state(k)})))`).join('\n    ')}
    ;; 64 rounds; $i steps through the constants and W four bytes at a time.
    (local.set $i (i32.const 0))
    (loop $round
      ;; t1 = h + S1(e) + ch(e, f, g) + K[i] + W[i]
      (local.set $t1 (i32.add
        (i32.add (local.get $h)
          (i32.add
            (i32.xor (i32.xor (i32.rotr (local.get $e) (i32.const 6)) (i32.rotr (local.get $e) (i32.const 11)))
                     (i32.rotr (local.get $e) (i32.const 25)))
            (i32.xor (i32.and (local.get $e) (local.get $f))
                     (i32.and (i32.xor (local.get $e) (i32.const -1)) (local.get $g)))))
        (i32.add (i32.load (i32.add (i32.const ${L.constants}) (local.get $i))) (i32.load (local.get $i)))))
      ;; t2 = S0(a) + maj(a, b, c)
      (local.set $t2 (i32.add
        (i32.xor (i32.xor (i32.rotr (local.get $a) (i32.const 2)) (i32.rotr (local.get $a) (i32.const 13)))
                 (i32.rotr (local.get $a) (i32.const 22)))
        (i32.xor (i32.xor (i32.and (local.get $a) (local.get $b)) (i32.and (local.get $a) (local.get $c)))
                 (i32.and (local.get $b) (local.get $c)))))
      (local.set $h (local.get $g))
      (local.set $g (local.get $f))
      (local.set $f (local.get $e))
      (local.set $e (i32.add (local.get $d) (local.get $t1)))
      (local.set $d (local.get $c))
      (local.set $c (local.get $b))
      (local.set $b (local.get $a))
      (local.set $a (i32.add (local.get $t1) (local.get $t2)))
      (br_if $round (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 256))))
    ${VARS.map((v, k) => `(i32.store (i32.const ${state(k)}) (i32.add (i32.load (i32.const ${state(k)})) (local.get $${v})))`).join('\n    ')})
  ;; The digest of $n bytes at $p, written big-endian at ${L.digest}.
  (func (export "sha256") (param $p i32) (param $n i32)
    (local $end i32) (local $r i32) (local $i i32)
    (memory.copy (i32.const ${L.state}) (i32.const ${L.initial}) (i32.const 32))
    (local.set $end (i32.add (local.get $p) (i32.and (local.get $n) (i32.const -64))))
    (block $whole
      (loop $blocks
        (br_if $whole (i32.ge_u (local.get $p) (local.get $end)))
        (call $block (local.get $p))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $blocks)))
    ;; The tail, 0x80, zeros and the length in bits (64-bit big-endian): one block, or two
    ;; when fewer than 9 bytes are left after the tail.
    (local.set $r (i32.and (local.get $n) (i32.const 63)))
    (memory.fill (i32.const ${L.tail}) (i32.const 0) (i32.const 128))
    (memory.copy (i32.const ${L.tail}) (local.get $p) (local.get $r))
    (i32.store8 (i32.add (i32.const ${L.tail}) (local.get $r)) (i32.const 0x80))
    (local.set $end (select (i32.const ${L.tail + 64}) (i32.const ${L.tail + 128}) (i32.lt_u (local.get $r) (i32.const 56))))
    (i32.store (i32.sub (local.get $end) (i32.const 8)) (call $swap (i32.shr_u (local.get $n) (i32.const 29))))
    (i32.store (i32.sub (local.get $end) (i32.const 4)) (call $swap (i32.shl (local.get $n) (i32.const 3))))
    (call $block (i32.const ${L.tail}))
    (if (i32.eq (local.get $end) (i32.const ${L.tail + 128})) (then (call $block (i32.const ${L.tail + 64}))))
    (loop $out
      (i32.store (i32.add (i32.const ${L.digest}) (local.get $i))
        (call $swap (i32.load (i32.add (i32.const ${L.state}) (local.get $i)))))
      (br_if $out (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (i32.const 32))))))
`;
}

/** The module's bytes, assembled by wabt. */
export async function sha256Wasm(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('sha256.wat', sha256Wat(), { bulk_memory: true });
  try {
    mod.validate();
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}

/** The source of src/llb/sha256-wasm.ts. */
export async function sha256WasmSource(): Promise<string> {
  const bytes = await sha256Wasm();
  const b64 = Buffer.from(bytes).toString('base64');
  const lines = b64.match(/.{1,100}/g)!.map((s) => `  '${s}'`);
  return `// Generated by \`npm run gen:sha256\` (test/llb/sha256-gen.ts, which holds the module's
// text): a WebAssembly SHA-256, ${bytes.length} bytes. Do not edit.

/** The module, base64. */
export const SHA256_WASM =
${lines.join(' +\n')};

/** Where the module reads its input and writes the digest (bytes into its memory). */
export const SHA256_INPUT = ${L.input};
export const SHA256_DIGEST = ${L.digest};
`;
}

if (process.argv[1] === import.meta.filename) {
  const src = await sha256WasmSource();
  writeFileSync(WASM_FILE, src);
  console.log(`wrote ${WASM_FILE} (${src.length} bytes)`);
}
