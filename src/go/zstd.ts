// A zstd frame's blocks decoded as klauspost/compress's zstd decoder (v1.19.1)
// decodes them, with its checks: block sizes against the window and 128 KiB,
// the literals section's sizes, the sequence tables (its readNCount,
// buildDtable and symbol ranges), the sequences' bit stream read to its last
// bit and no further, literal counts, match lengths, the block's output size,
// and match offsets within the frame's history and window. Huffman-coded
// literals: src/go/huff0.ts.

import { buildDtable, readNCount, type FseTable } from './fse.ts';
import { bitsAt, decodeHuffman, readHuffTable, type HuffTable } from './huff0.ts';

/** maxCompressedBlockSize: no block (nor a block's literals or output) may be larger. */
const MAX_BLOCK = 128 << 10;
/** maxMatchLen */
const MAX_MATCH_LEN = 131074;

/** One entry of a sequence table: its baseline, extra bits, the state's bits and next state. */
interface SeqTable {
  log: number;
  baseline: Int32Array;
  addBits: Uint8Array;
  nbBits: Uint8Array;
  newState: Uint16Array;
}

/** symbolTableX: each code's baseline and extra bits (literal lengths, offsets, match lengths). */
const SYMBOLS: { baseline: number[]; bits: number[] }[] = (() => {
  const fill = (base: number, bits: number[]): number[] => bits.map((b) => ((base += 1 << b), base - (1 << b)));
  const llBits = [1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const mlBits = [1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  // Offsets: code 0 is {0, 0}, code 1 {1, 1}, then codes 2 to 30 from baseline 1 (the offset value less 3, or less 1 for repeats).
  const ofBits = Array.from({ length: 29 }, (_, i) => i + 2);
  return [
    { baseline: [...Array.from({ length: 16 }, (_, i) => i), ...fill(16, llBits)], bits: [...new Array<number>(16).fill(0), ...llBits] },
    { baseline: [0, 1, ...fill(1, ofBits)], bits: [0, 1, ...ofBits] },
    { baseline: [...Array.from({ length: 32 }, (_, i) => i + 3), ...fill(35, mlBits)], bits: [...new Array<number>(32).fill(0), ...mlBits] },
  ];
})();
/** maxTableSymbol: the largest symbol a table's description may give. */
const MAX_SYMBOL = [35, 30, 52];
/** The tables' maximal accuracy: tablelogAbsoluteMax. */
const TABLELOG_MAX = 9;

/** transform: each state's baseline and extra bits from its symbol; undefined for a symbol past the code table. */
function transform(f: FseTable | undefined, which: number): SeqTable | undefined {
  if (f === undefined) return undefined;
  const size = 1 << f.log;
  const t: SeqTable = { log: f.log, baseline: new Int32Array(size), addBits: new Uint8Array(size), nbBits: f.nbBits, newState: f.newState };
  const { baseline, bits } = SYMBOLS[which]!;
  for (let u = 0; u < size; u++) {
    const symbol = f.symbol[u]!;
    if (symbol >= baseline.length) return undefined;
    t.baseline[u] = baseline[symbol]!;
    t.addBits[u] = bits[symbol]!;
  }
  return t;
}

const PREDEFINED: SeqTable[] = [
  [4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1],
  [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1],
  [1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1],
].map((n, i) => transform(buildDtable(Int16Array.from(n), n.length, [6, 5, 6][i]!, true), i)!);

/** A block's 3-byte header at `p`: whether it is the frame's last, its type, its size, and the bytes of content after it (one for an RLE block). */
export function blockHeader(b: Uint8Array, p: number): { last: boolean; type: number; size: number; length: number } {
  const h = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
  const type = (h >> 1) & 3;
  const size = h >> 3;
  return { last: (h & 1) === 1, type, size, length: type === 1 ? 1 : size };
}

/** The sequences' bit stream, read backwards from its end marker: klauspost's bitReader, as a count of bits read. */
class BitReader {
  private pos: number;
  constructor(private readonly b: Uint8Array) {
    const last = b[b.length - 1]!;
    this.pos = b.length * 8 - 8 + (31 - Math.clz32(last));
  }
  /** n bits, the bits before the stream's start reading as zeros. */
  get(n: number): number {
    if (n === 0) return 0;
    this.pos -= n;
    return bitsAt(this.b, this.pos, n);
  }
  overread(): boolean {
    return this.pos < 0;
  }
  /** close: every bit read, none more. */
  finished(): boolean {
    return this.pos === 0;
  }
}

/**
 * The stream decoder's block decoders (blockDec), as many as its concurrency
 * (GOMAXPROCS, at most 4; 2 here, the oracle's machine's), which the blocks
 * of all frames take in turn: each keeps its output buffer (dst) from block
 * to block. When executing a block's sequences fails (a match offset past the
 * history), Go hands out that buffer at the length it had, the block's output
 * written over its start up to the failing sequence's literals and a block
 * before's output after that, then the error.
 */
export class ZstdDecoders {
  private turn = 0;
  private readonly dst: { buf: Uint8Array; len: number }[];
  constructor(count = 2) {
    this.dst = Array.from({ length: count }, () => ({ buf: new Uint8Array(0), len: 0 }));
  }
  /** The decoder the next block takes. */
  take(): { buf: Uint8Array; len: number } {
    const d = this.dst[this.turn]!;
    this.turn = (this.turn + 1) % this.dst.length;
    return d;
  }
}

/** What the frame's blocks share: its window, the history of its output, the last Huffman table's block and the sequence tables. */
export class ZstdFrameState {
  /** The frame's output so far: `total` bytes, of which the segments from number `first` on are kept. */
  private segments: Uint8Array[] = [];
  private first = 0;
  private total = 0;
  private readonly segment: number;
  private offsets = [1, 4, 8];
  private tables: (SeqTable | undefined)[] = [undefined, undefined, undefined];
  /** The Huffman table the frame's literals last described, for treeless literals after it. */
  private huff: HuffTable | undefined;
  /** A failing block's output up to where executing its sequences failed. */
  private partial: Uint8Array | undefined;
  /** What Go hands out before the error of the block that last failed (ZstdDecoders). */
  leaked: Uint8Array | undefined;

  constructor(readonly window: number) {
    this.segment = Math.min(1 << 20, 2 ** Math.ceil(Math.log2(window)));
  }

  /**
   * One block's output, its header at `p` (its data all present); undefined where klauspost fails on it
   * (blockDec.reset, decodeLiterals, prepareSequences, decode and executeSequences).
   */
  block(data: Uint8Array, p: number, decoders: ZstdDecoders): Uint8Array | undefined {
    const { type, size } = blockHeader(data, p);
    const W = this.window;
    const dst = decoders.take();
    this.leaked = undefined;
    if (type === 3) return undefined;
    if (size > MAX_BLOCK || size > W) return undefined;
    // blockDec.reset: a new, empty dst where the one it has is no larger than the block needs (lowMem).
    const maxSize = type === 1 ? size : type === 2 ? (W < MAX_BLOCK ? W : MAX_BLOCK) + 16 : -1;
    let out: Uint8Array;
    if (type === 1) out = new Uint8Array(size).fill(data[p + 3]!);
    else if (type === 0) out = data.slice(p + 3, p + 3 + size);
    else {
      if (size < 2) return undefined;
      if (dst.buf.length <= maxSize) Object.assign(dst, { buf: new Uint8Array(maxSize + 1), len: 0 });
      this.partial = undefined;
      const o = this.compressed(data.subarray(p + 3, p + 3 + size));
      if (o === undefined) {
        if (this.partial !== undefined) {
          dst.buf.set(this.partial);
          this.leaked = dst.buf.slice(0, dst.len);
        }
        return undefined;
      }
      out = o;
    }
    if (type === 1 && dst.buf.length <= maxSize) dst.buf = new Uint8Array(maxSize + 1);
    if (type !== 0) {
      dst.buf.set(out);
      dst.len = out.length;
    }
    this.append(out);
    return out;
  }

  /**
   * The history kept: the frame's last `window` bytes at least, in segments
   * of up to 1 MiB allocated as the output grows and let go of as it leaves
   * the window (Go's is one buffer of the window and 1 MiB, which it moves
   * down when full).
   */
  private append(b: Uint8Array): void {
    const seg = this.segment;
    for (let p = 0; p < b.length; ) {
      const i = Math.floor(this.total / seg) - this.first;
      if (i === this.segments.length) this.segments.push(new Uint8Array(seg));
      const off = this.total % seg;
      const k = Math.min(b.length - p, seg - off);
      this.segments[i]!.set(b.subarray(p, p + k), off);
      p += k;
      this.total += k;
    }
    while ((this.first + 1) * seg <= this.total - this.window) {
      this.segments.shift();
      this.first++;
    }
  }

  /** `n` bytes of the history from its byte `start` (counted from the frame's start) into `out` at `at`. */
  private copyHistory(out: Uint8Array, at: number, start: number, n: number): void {
    const seg = this.segment;
    while (n > 0) {
      const off = start % seg;
      const k = Math.min(n, seg - off);
      const from = this.segments[Math.floor(start / seg) - this.first]!;
      if (k < 32) for (let j = 0; j < k; j++) out[at + j] = from[off + j]!;
      else out.set(from.subarray(off, off + k), at);
      at += k;
      start += k;
      n -= k;
    }
  }

  private compressed(blk: Uint8Array): Uint8Array | undefined {
    const W = this.window;
    // The literals section's header.
    const b0 = blk[0]!;
    const litType = b0 & 3;
    const sizeFormat = (b0 >> 2) & 3;
    let regen: number;
    let comp = 0;
    let p: number;
    if (litType < 2) {
      if (sizeFormat === 0 || sizeFormat === 2) {
        regen = b0 >> 3;
        p = 1;
      } else if (sizeFormat === 1) {
        regen = (b0 >> 4) + (blk[1]! << 4);
        p = 2;
      } else {
        if (blk.length < 3) return undefined;
        regen = (b0 >> 4) + (blk[1]! << 4) + (blk[2]! << 12);
        p = 3;
      }
    } else {
      const hdr = [3, 3, 4, 5][sizeFormat]!;
      if (blk.length < hdr) return undefined;
      let n = 0;
      for (let i = hdr - 1; i >= 1; i--) n = n * 256 + blk[i]!;
      n = n * 16 + (b0 >> 4);
      const regenBits = [10, 10, 14, 18][sizeFormat]!;
      regen = n % 2 ** regenBits;
      comp = Math.floor(n / 2 ** regenBits);
      p = hdr;
    }
    if (regen > W || regen > MAX_BLOCK) return undefined;
    let literals: Uint8Array;
    if (litType === 0) {
      if (blk.length - p < regen) return undefined;
      literals = blk.subarray(p, p + regen);
      p += regen;
    } else if (litType === 1) {
      if (blk.length - p < 1) return undefined;
      literals = new Uint8Array(regen).fill(blk[p]!);
      p += 1;
    } else {
      if (blk.length - p < comp) return undefined;
      let streams = blk.subarray(p, p + comp);
      if (litType === 2) {
        const read = readHuffTable(streams);
        if (read === undefined) return undefined;
        this.huff = read.table;
        streams = read.rest;
      }
      if (this.huff === undefined) return undefined;
      const l = decodeHuffman(this.huff, streams, regen, sizeFormat !== 0);
      if (l === undefined) return undefined;
      literals = l;
      p += comp;
    }
    return this.sequences(blk.subarray(p), literals, Math.min(W, MAX_BLOCK));
  }

  /** prepareSequences, decode and executeSequences. */
  private sequences(inp: Uint8Array, literals: Uint8Array, maxBlockSize: number): Uint8Array | undefined {
    if (inp.length < 1) return undefined;
    let nSeqs: number;
    let p: number;
    const s0 = inp[0]!;
    if (s0 < 128) {
      nSeqs = s0;
      p = 1;
    } else if (s0 < 255) {
      if (inp.length < 2) return undefined;
      nSeqs = ((s0 - 128) << 8) | inp[1]!;
      p = 2;
    } else {
      if (inp.length < 3) return undefined;
      nSeqs = 0x7f00 + inp[1]! + (inp[2]! << 8);
      p = 3;
    }
    if (nSeqs === 0) return inp.length === p ? literals.slice() : undefined;
    if (inp.length - p < 1) return undefined;
    let off = p;
    const modes = inp[off++]!;
    if (modes & 3) return undefined;
    // Literal lengths, offsets, match lengths, in that order in the header.
    for (let i = 0; i < 3; i++) {
      const mode = (modes >> (6 - i * 2)) & 3;
      if (mode === 0) this.tables[i] = PREDEFINED[i]!;
      else if (mode === 1) {
        if (inp.length - off < 1) return undefined;
        const v = inp[off++]!;
        const { baseline, bits } = SYMBOLS[i]!;
        if (v >= baseline.length) return undefined;
        this.tables[i] = { log: 0, baseline: Int32Array.of(baseline[v]!), addBits: Uint8Array.of(bits[v]!), nbBits: Uint8Array.of(0), newState: Uint16Array.of(0) };
      } else if (mode === 2) {
        let read;
        try {
          read = readNCount(inp, off, TABLELOG_MAX, MAX_SYMBOL[i]!, true);
        } catch {
          read = undefined;
        }
        const t = transform(read?.table, i);
        if (t === undefined) return undefined;
        this.tables[i] = t;
        off = read!.end;
      }
      if (off > inp.length) return undefined;
    }
    const [llT, ofT, mlT] = this.tables;
    const stream = inp.subarray(off);
    if (stream.length < 1 || stream[stream.length - 1] === 0) return undefined;
    if (llT === undefined || ofT === undefined || mlT === undefined) return undefined;
    const bits = new BitReader(stream);
    let ll = bits.get(llT.log);
    let of = bits.get(ofT.log);
    let ml = bits.get(mlT.log);
    // decode: the sequences' values, checked, before any is executed.
    const seqs = new Int32Array(nSeqs * 3);
    const prev = this.offsets;
    let seqSize = 0;
    let litRemain = literals.length;
    for (let i = 0; i < nSeqs; i++) {
      if (bits.overread()) return undefined;
      let mo = ofT.baseline[of]! + bits.get(ofT.addBits[of]!);
      let mlen = mlT.baseline[ml]! + bits.get(mlT.addBits[ml]!);
      const llen = llT.baseline[ll]! + bits.get(llT.addBits[ll]!);
      if (ofT.addBits[of]! > 1) {
        prev[2] = prev[1]!;
        prev[1] = prev[0]!;
        prev[0] = mo;
      } else {
        if (llen === 0) mo++;
        if (mo === 0) mo = prev[0]!;
        else {
          let temp = mo === 3 ? prev[0]! - 1 : prev[mo]!;
          if (temp === 0) temp = 1;
          if (mo !== 1) prev[2] = prev[1]!;
          prev[1] = prev[0]!;
          prev[0] = temp;
          mo = temp;
        }
      }
      if (mo === 0 && mlen > 0) return undefined;
      if (mlen > MAX_MATCH_LEN) return undefined;
      seqSize += llen + mlen;
      litRemain -= llen;
      if (litRemain < 0) return undefined;
      seqs[i * 3] = llen;
      seqs[i * 3 + 1] = mlen;
      seqs[i * 3 + 2] = mo;
      if (i === nSeqs - 1) break;
      const nll = llT.newState[ll]! + bits.get(llT.nbBits[ll]!);
      const nml = mlT.newState[ml]! + bits.get(mlT.nbBits[ml]!);
      const nof = ofT.newState[of]! + bits.get(ofT.nbBits[of]!);
      ll = nll & 511;
      ml = nml & 511;
      of = nof & 511;
      if (ll >= llT.nbBits.length || ml >= mlT.nbBits.length || of >= ofT.nbBits.length) return undefined;
    }
    seqSize += litRemain;
    if (seqSize > maxBlockSize) return undefined;
    if (!bits.finished()) return undefined;
    // executeSimple: matches within the history the frame keeps (its window) and this block's output.
    const histAvail = Math.min(this.total, this.window);
    const out = new Uint8Array(seqSize);
    let t = 0;
    let lit = 0;
    for (let i = 0; i < nSeqs; i++) {
      const llen = seqs[i * 3]!;
      let mlen = seqs[i * 3 + 1]!;
      const mo = seqs[i * 3 + 2]!;
      // Short copies byte by byte: a subarray for each costs more than it saves.
      if (llen < 32) for (let k = 0; k < llen; k++) out[t + k] = literals[lit + k]!;
      else out.set(literals.subarray(lit, lit + llen), t);
      t += llen;
      lit += llen;
      if (mo > t + histAvail || mo > this.window) {
        this.partial = out.subarray(0, t);
        return undefined;
      }
      const v = mo - t;
      if (v > 0) {
        const n = Math.min(mlen, v);
        this.copyHistory(out, t, this.total - v, n);
        t += n;
        mlen -= n;
      }
      if (mlen > 0) {
        const start = t - mo;
        if (mlen <= mo && mlen >= 32) out.copyWithin(t, start, start + mlen);
        else for (let k = 0; k < mlen; k++) out[t + k] = out[start + k]!;
        t += mlen;
      }
    }
    out.set(literals.subarray(lit), t);
    return out;
  }
}
