// compress/flate's decompressor (Go 1.26, inflate.go) as a generator of its
// output, for the gzip members of go-archive's DecompressStream: a member is
// inflated as its reader asks, so a member of gigabytes never sits in memory.
// Written from Go's source, where outcomes depend on it: input is read a byte
// at a time and only as a symbol needs it (so a member ends where Go's does,
// and its gzip trailer is read from there); Huffman tables are accepted or
// refused as huffmanDecoder.init does; a symbol is decoded only once the
// table's minimum length (for literals, at least the end-of-block code's) is
// in hand; and on an error, all that was decoded before it is handed out
// first, as Go's dictionary is flushed before the error.

/** Go's window (maxMatchOffset): how far back a match may reach. */
const WINDOW = 1 << 15;
/** Output handed out at a time, after the window kept for matches. */
const CHUNK = 1 << 18;
const CAP = WINDOW + CHUNK;
/** maxNumLit, maxNumDist. */
const MAX_LIT = 286;
const MAX_DIST = 30;
const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** Length symbols 257 to 285: the extra bits each reads and the length before them (huffmanBlock's switch). */
const LENGTH_EXTRA = Uint8Array.from({ length: 29 }, (_, i) => (i < 8 || i === 28 ? 0 : (i - 4) >> 2));
const LENGTH_BASE = Uint16Array.from({ length: 29 }, (_, i) => {
  if (i === 28) return 258;
  let base = 3;
  for (let k = 0; k < i; k++) base += 1 << LENGTH_EXTRA[k]!;
  return base;
});

/** CorruptInputError or io.ErrUnexpectedEOF: the stream ends in error. */
class FlateError extends Error {}
const corrupt = (): never => {
  throw new FlateError('flate: corrupt input');
};

/**
 * huffmanDecoder: one table indexed by the next `max` bits (first bit
 * lowest), each entry the symbol << 4 | its code length, 0 where no code is
 * (an empty tree, or the unused half of a single 1-bit code).
 */
class Huffman {
  readonly table = new Int32Array(1 << 15);
  mask = 0;
  min = 0;

  /** huffmanDecoder.init: false for a tree that is over- or under-subscribed, but for one code of length 1. */
  init(lengths: ArrayLike<number>, from: number, to: number): boolean {
    const count = new Array<number>(16).fill(0);
    let min = 0;
    let max = 0;
    for (let i = from; i < to; i++) {
      const n = lengths[i]!;
      if (n === 0) continue;
      if (min === 0 || n < min) min = n;
      if (n > max) max = n;
      count[n]!++;
    }
    this.min = 0;
    if (max === 0) {
      // An empty tree: any use of it fails (huffSym's n == 0).
      this.mask = 0;
      this.table[0] = 0;
      return true;
    }
    let code = 0;
    const next = new Array<number>(16).fill(0);
    for (let i = min; i <= max; i++) {
      code <<= 1;
      next[i] = code;
      code += count[i]!;
    }
    if (code !== 1 << max && !(code === 1 && max === 1)) return false;
    this.min = min;
    this.mask = (1 << max) - 1;
    this.table.fill(0, 0, 1 << max);
    for (let i = from; i < to; i++) {
      const n = lengths[i]!;
      if (n === 0) continue;
      const c = next[n]!++;
      let rev = 0;
      for (let k = 0; k < n; k++) rev |= ((c >> k) & 1) << (n - 1 - k);
      const entry = ((i - from) << 4) | n;
      for (let j = rev; j <= this.mask; j += 1 << n) this.table[j] = entry;
    }
    return true;
  }
}

let fixed: Huffman | undefined;
/** fixedHuffmanDecoder: RFC 1951's fixed literal/length code. */
function fixedHuffman(): Huffman {
  if (fixed === undefined) {
    const lengths = new Array<number>(288);
    for (let i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    fixed = new Huffman();
    fixed.init(lengths, 0, 288);
  }
  return fixed;
}

/** The decompressor's bit buffer: b holds nb bits, read from `data` a byte at a time. */
class Bits {
  b = 0;
  nb = 0;
  constructor(
    readonly data: Uint8Array,
    public pos: number,
  ) {}

  /** moreBits: the input's end is io.ErrUnexpectedEOF. */
  more(): void {
    if (this.pos >= this.data.length) corrupt();
    this.b |= this.data[this.pos++]! << this.nb;
    this.nb += 8;
  }

  need(n: number): void {
    while (this.nb < n) this.more();
  }

  /** The next n bits, read first as Go's `for f.nb < n` loops read them. */
  bits(n: number): number {
    this.need(n);
    const v = this.b & ((1 << n) - 1);
    this.b >>>= n;
    this.nb -= n;
    return v;
  }

  /** huffSym: the table's minimum length first, more as the code found needs. */
  sym(h: Huffman): number {
    let n = h.min;
    for (;;) {
      this.need(n);
      const e = h.table[this.b & h.mask]!;
      n = e & 15;
      if (n <= this.nb) {
        if (n === 0) corrupt();
        this.b >>>= n;
        this.nb -= n;
        return e >> 4;
      }
    }
  }
}

/**
 * A deflate stream from `start` in `data`: yields its output (each chunk
 * readable until the next is asked for), and returns where the stream ends
 * in `data`, or undefined where Go's decompressor fails (after all it decoded
 * before the failure was yielded).
 */
export function* inflate(data: Uint8Array, start: number): Generator<Uint8Array, number | undefined, undefined> {
  const r = new Bits(data, start);
  // The output, the window before `pos` kept for matches; [flushed, pos) not yet handed out.
  const out = new Uint8Array(CAP + 258);
  let pos = 0;
  let flushed = 0;
  const h1 = new Huffman();
  const h2 = new Huffman();
  const lengths = new Uint8Array(MAX_LIT + MAX_DIST);
  const codeLengths = new Uint8Array(19);
  try {
    for (let final = false; !final; ) {
      r.need(3);
      final = (r.b & 1) === 1;
      const type = (r.b >>> 1) & 3;
      r.b >>>= 3;
      r.nb -= 3;
      if (type === 0) {
        // A stored block: the bits left in the current byte dropped, its length and the length's complement, the bytes.
        r.b = 0;
        r.nb = 0;
        if (r.pos + 4 > data.length) corrupt();
        const n = data[r.pos]! | (data[r.pos + 1]! << 8);
        const nn = data[r.pos + 2]! | (data[r.pos + 3]! << 8);
        r.pos += 4;
        if (nn !== (~n & 0xffff)) corrupt();
        for (let left = n; left > 0; ) {
          if (pos >= CAP) {
            yield out.subarray(flushed, pos);
            out.copyWithin(0, pos - WINDOW, pos);
            pos = flushed = WINDOW;
          }
          const k = Math.min(left, CAP - pos, data.length - r.pos);
          if (k === 0) corrupt();
          out.set(data.subarray(r.pos, r.pos + k), pos);
          pos += k;
          r.pos += k;
          left -= k;
        }
        continue;
      }
      let hl: Huffman;
      let hd: Huffman | undefined;
      if (type === 1) hl = fixedHuffman();
      else if (type === 2) {
        readHuffman(r, h1, h2, lengths, codeLengths);
        hl = h1;
        hd = h2;
      } else return corrupt();
      for (;;) {
        if (pos >= CAP) {
          yield out.subarray(flushed, pos);
          out.copyWithin(0, pos - WINDOW, pos);
          pos = flushed = WINDOW;
        }
        const v = r.sym(hl);
        if (v < 256) {
          out[pos++] = v;
          continue;
        }
        if (v === 256) break;
        if (v >= MAX_LIT) corrupt();
        const n = LENGTH_EXTRA[v - 257]!;
        let length = LENGTH_BASE[v - 257]!;
        if (n > 0) length += r.bits(n);
        let dist: number;
        if (hd === undefined) {
          // The fixed code's distances: 5 bits, first bit highest.
          const x = r.bits(5);
          dist = ((x & 1) << 4) | ((x & 2) << 2) | (x & 4) | ((x & 8) >> 2) | ((x & 16) >> 4);
        } else dist = r.sym(hd);
        if (dist < 4) dist++;
        else if (dist < MAX_DIST) {
          const nb = (dist - 2) >> 1;
          const extra = ((dist & 1) << nb) | r.bits(nb);
          dist = (1 << (nb + 1)) + 1 + extra;
        } else corrupt();
        // The history is all written so far up to the window (pos is at least the window once it slides).
        if (dist > pos) corrupt();
        if (dist === 1) out.fill(out[pos - 1]!, pos, pos + length);
        else if (dist >= length) out.copyWithin(pos, pos - dist, pos - dist + length);
        else for (let i = 0; i < length; i++) out[pos + i] = out[pos + i - dist]!;
        pos += length;
      }
    }
  } catch (err) {
    if (!(err instanceof FlateError)) throw err;
    if (pos > flushed) yield out.subarray(flushed, pos);
    return undefined;
  }
  if (pos > flushed) yield out.subarray(flushed, pos);
  return r.pos;
}

/** readHuffman: a dynamic block's code lengths and the two tables made from them. */
function readHuffman(r: Bits, h1: Huffman, h2: Huffman, lengths: Uint8Array, codeLengths: Uint8Array): void {
  r.need(5 + 5 + 4);
  const nlit = (r.b & 0x1f) + 257;
  if (nlit > MAX_LIT) corrupt();
  const ndist = ((r.b >>> 5) & 0x1f) + 1;
  if (ndist > MAX_DIST) corrupt();
  const nclen = ((r.b >>> 10) & 0xf) + 4;
  r.b >>>= 14;
  r.nb -= 14;
  codeLengths.fill(0);
  for (let i = 0; i < nclen; i++) codeLengths[CODE_ORDER[i]!] = r.bits(3);
  if (!h1.init(codeLengths, 0, 19)) corrupt();
  const n = nlit + ndist;
  for (let i = 0; i < n; ) {
    const x = r.sym(h1);
    if (x < 16) {
      lengths[i++] = x;
      continue;
    }
    // 16: the previous length 3-6 times; 17: zero 3-10 times; 18: zero 11-138 times.
    let rep = x === 18 ? 11 : 3;
    const nb = x === 16 ? 2 : x === 17 ? 3 : 7;
    if (x === 16 && i === 0) corrupt();
    const b = x === 16 ? lengths[i - 1]! : 0;
    rep += r.bits(nb);
    if (i + rep > n) corrupt();
    lengths.fill(b, i, i + rep);
    i += rep;
  }
  if (!h1.init(lengths, 0, nlit) || !h2.init(lengths, nlit, n)) corrupt();
  // The end-of-block code's length is read at least before each literal/length symbol.
  if (h1.min < lengths[256]!) h1.min = lengths[256]!;
}
