// Huffman-coded literals as klauspost/compress's huff0 (v1.19.1) reads them
// for its zstd decoder: ReadTable (the weights given directly, or compressed
// by its fse package, with that package's checks and bit reader), then one
// stream or four decoded, each to its exact end and its exact share of the
// output; anything else is an error (undefined here).

import { readNCount } from './fse.ts';

/** A Huffman decoding table: for each `log`-bit peek, the symbol and the bits it takes. */
export interface HuffTable {
  log: number;
  symbol: Uint8Array;
  nbBits: Uint8Array;
}

/** huff0's tableLogMax. */
const HUF_TABLELOG_MAX = 11;

/** `n` bits (at most 31) of `b` from bit `lo` up, little-endian; bits before the start (a negative `lo`) and past the end read as zeros. */
export function bitsAt(b: Uint8Array, lo: number, n: number): number {
  if (n > 24) return bitsAt(b, lo, 16) + bitsAt(b, lo + 16, n - 16) * 0x10000;
  if (lo < 0) return lo + n <= 0 ? 0 : bitsAt(b, 0, lo + n) << -lo;
  const i = lo >> 3;
  const w = (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24);
  return (w >>> (lo & 7)) & ((1 << n) - 1);
}

/** fse's bitReader, its register and fills as Go has them (they decide where its decoding loops switch). */
class FseBits {
  private value = 0n;
  bitsRead = 64;
  off: number;
  constructor(private readonly b: Uint8Array) {
    this.off = b.length;
    if (b.length >= 8) {
      this.value = this.load(this.off - 8, 8);
      this.bitsRead = 0;
      this.off -= 8;
    } else {
      this.fill();
      this.fill();
    }
    this.bitsRead += 8 - (31 - Math.clz32(b[b.length - 1]!));
  }
  private load(at: number, n: number): bigint {
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(this.b[at + i]!);
    return v;
  }
  /** getBits: nothing once the register is spent (bitsRead >= 64), without counting. */
  get(n: number): number {
    if (n === 0 || this.bitsRead >= 64) return 0;
    return this.fast(n);
  }
  /** getBitsFast: `n` bits (1 or more) from the register, zeros past its end; bitsRead wraps as a uint8. */
  fast(n: number): number {
    const v = Number((BigInt.asUintN(64, this.value << BigInt(this.bitsRead & 63)) >> BigInt((64 - n) & 63)) & 0xffffn);
    this.bitsRead = (this.bitsRead + n) & 0xff;
    return v;
  }
  fillFast(): void {
    if (this.bitsRead < 32) return;
    this.value = BigInt.asUintN(64, (this.value << 32n) | this.load(this.off - 4, 4));
    this.bitsRead -= 32;
    this.off -= 4;
  }
  fill(): void {
    if (this.bitsRead < 32) return;
    if (this.off > 4) return this.fillFast();
    while (this.off > 0) {
      this.value = BigInt.asUintN(64, (this.value << 8n) | BigInt(this.b[this.off - 1]!));
      this.bitsRead = (this.bitsRead - 8) & 0xff;
      this.off--;
    }
  }
  finished(): boolean {
    return this.bitsRead >= 64 && this.off === 0;
  }
}

/** fse.Decompress of a Huffman table's weights (at most `limit` of them); undefined on its errors. */
function fseWeights(b: Uint8Array, limit: number): Uint8Array | undefined {
  const read = readNCount(b, 0, 15, Infinity, false);
  if (read === undefined) return undefined;
  const { log, symbol, nbBits: nb, newState, zeroBits } = read.table;
  const off = read.end;
  // decompress: two interleaved states over the rest.
  const rest = b.subarray(off);
  if (rest.length < 1 || rest[rest.length - 1] === 0) return undefined;
  const br = new FseBits(rest);
  // The two states, read in turn.
  const s = [br.get(log), br.get(log)];
  const out: number[] = [];
  const next = (k: number, fast: boolean): number => {
    const st = s[k]!;
    s[k] = newState[st]! + (fast ? br.fast(nb[st]!) : br.get(nb[st]!));
    return symbol[st]!;
  };
  // The fast loop (getBitsFast unless a symbol can take no bits), 4 symbols at a time, the limit checked every 256.
  let batch = 0;
  while (br.off >= 8) {
    br.fillFast();
    out.push(next(0, !zeroBits), next(1, !zeroBits));
    br.fillFast();
    out.push(next(0, !zeroBits), next(1, !zeroBits));
    batch = (batch + 4) & 0xff;
    if (batch === 0 && out.length >= limit) return undefined;
  }
  for (;;) {
    if (br.finished() && nb[s[0]!]! > 0) {
      out.push(symbol[s[0]!]!, symbol[s[1]!]!);
      break;
    }
    br.fill();
    out.push(next(0, false));
    if (br.finished() && nb[s[1]!]! > 0) {
      out.push(symbol[s[1]!]!, symbol[s[0]!]!);
      break;
    }
    out.push(next(1, false));
    if (out.length >= limit) return undefined;
  }
  if (br.bitsRead > 64) return undefined;
  return Uint8Array.from(out);
}

/** huff0.ReadTable: the table and where the streams start after it; undefined on its errors. */
export function readHuffTable(inp: Uint8Array): { table: HuffTable; rest: Uint8Array } | undefined {
  if (inp.length <= 1) return undefined;
  let iSize = inp[0]!;
  let inRest = inp.subarray(1);
  const weights = new Uint8Array(257);
  let symbolLen: number;
  if (iSize >= 128) {
    const oSize = iSize - 127;
    iSize = (oSize + 1) >> 1;
    if (iSize > inRest.length) return undefined;
    for (let n = 0; n < oSize; n += 2) {
      const v = inRest[n >> 1]!;
      weights[n] = v >> 4;
      weights[n + 1] = v & 15;
    }
    symbolLen = oSize;
  } else {
    if (inRest.length < iSize) return undefined;
    let w: Uint8Array | undefined;
    try {
      w = fseWeights(inRest.subarray(0, iSize), 255);
    } catch {
      // Go's slice bounds: a panic, which the oracle does not survive either.
      w = undefined;
    }
    if (w === undefined || w.length > 255) return undefined;
    weights.set(w);
    symbolLen = w.length;
  }
  inRest = inRest.subarray(iSize);
  const rankStats = new Uint32Array(16);
  let weightTotal = 0;
  for (let i = 0; i < symbolLen; i++) {
    const v = weights[i]!;
    if (v > HUF_TABLELOG_MAX) return undefined;
    rankStats[v]!++;
    weightTotal += (1 << v) >> 1;
  }
  if (weightTotal === 0) return undefined;
  const log = 32 - Math.clz32(weightTotal);
  if (log > HUF_TABLELOG_MAX) return undefined;
  const rest = (1 << log) - weightTotal;
  const restHigh = 31 - Math.clz32(rest);
  if (1 << restHigh !== rest) return undefined;
  weights[symbolLen++] = restHigh + 1;
  rankStats[restHigh + 1]!++;
  if (rankStats[1]! < 2 || (rankStats[1]! & 1) !== 0) return undefined;
  let nextRankStart = 0;
  for (let n = 1; n < log + 1; n++) {
    const current = nextRankStart;
    nextRankStart += rankStats[n]! << (n - 1);
    rankStats[n] = current;
  }
  const size = 1 << HUF_TABLELOG_MAX;
  const table: HuffTable = { log, symbol: new Uint8Array(size), nbBits: new Uint8Array(size) };
  for (let n = 0; n < symbolLen; n++) {
    const w = weights[n]!;
    if (w === 0) continue;
    const length = (1 << w) >> 1;
    const start = rankStats[w]!;
    table.symbol.fill(n, start, start + length);
    table.nbBits.fill(log + 1 - w, start, start + length);
    rankStats[w] = start + length;
  }
  return { table, rest: inRest };
}

/** One stream decoded to exactly `n` symbols into `out` at `at`, its bits all read and no more; false otherwise. */
function stream(t: HuffTable, src: Uint8Array, out: Uint8Array, at: number, n: number): boolean {
  if (src.length < 1 || src[src.length - 1] === 0) return false;
  let p = src.length * 8 - 8 + (31 - Math.clz32(src[src.length - 1]!));
  let k = 0;
  while (p > 0) {
    if (k >= n) return false;
    const v = bitsAt(src, p - t.log, t.log);
    p -= t.nbBits[v]!;
    out[at + k++] = t.symbol[v]!;
  }
  return p === 0 && k === n;
}

/** Decompress1X or Decompress4X of `regen` bytes; undefined where huff0 fails. */
export function decodeHuffman(t: HuffTable, src: Uint8Array, regen: number, four: boolean): Uint8Array | undefined {
  const out = new Uint8Array(regen);
  if (!four) return stream(t, src, out, 0, regen) ? out : undefined;
  if (src.length < 10) return undefined;
  // The jump table: the first three streams' lengths, each ending before the input does.
  let start = 6;
  const bounds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const length = src[i * 2]! | (src[i * 2 + 1]! << 8);
    if (start + length >= src.length) return undefined;
    bounds.push(start, start + length);
    start += length;
  }
  bounds.push(start, src.length);
  // Each stream's share: (regen+3)/4 bytes, the last what is left, which must not be less than nothing.
  const every = (regen + 3) >> 2;
  for (let i = 0; i < 4; i++) {
    const offset = every * i;
    const endsAt = Math.min(offset + every, regen);
    if (offset > endsAt) return undefined;
    if (!stream(t, src.subarray(bounds[i * 2]!, bounds[i * 2 + 1]!), out, offset, endsAt - offset)) return undefined;
  }
  return out;
}
