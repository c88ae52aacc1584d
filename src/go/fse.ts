// FSE table descriptions as klauspost/compress (v1.19.1) reads them: its fse
// package's (a Huffman table's weights) and its zstd package's own copy (the
// sequence tables) are the same code but for their limits and one check,
// which the callers give.

/** An FSE decoding table: for each state, its symbol, the bits it reads and the state those bits are added to. */
export interface FseTable {
  log: number;
  symbol: Uint8Array;
  nbBits: Uint8Array;
  newState: Uint16Array;
  /** Whether a symbol has half the table or more (fse's zeroBits: a state that reads no bits). */
  zeroBits: boolean;
}

/**
 * readNCount over `b` from `start`: the normalized counts (accuracy at most
 * `maxLog`, symbols at most `maxSymbol`, where zstd's stops), then the table
 * (`sizeAllowed` as buildDtable's)
 * and where the description ends; undefined on their errors. Go reads 4 bytes at a time and
 * would panic reading past the end, which a RangeError stands for here.
 */
export function readNCount(b: Uint8Array, start: number, maxLog: number, maxSymbol: number, sizeAllowed: boolean): { table: FseTable; end: number } | undefined {
  let off = start;
  const u32 = (): number => {
    if (off + 4 > b.length) throw new RangeError('fse: reading past the table description');
    return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16) | (b[off + 3]! << 24)) >>> 0;
  };
  const remain = (): number => b.length - off;
  if (remain() < 4) return undefined;
  let bitStream = u32();
  let nbBits = (bitStream & 0xf) + 5;
  if (nbBits > maxLog) return undefined;
  const log = nbBits;
  bitStream >>>= 4;
  let bitCount = 4;
  let remaining = (1 << nbBits) + 1;
  let threshold = 1 << nbBits;
  let gotTotal = 0;
  nbBits++;
  const norm = new Int16Array(256);
  let charnum = 0;
  let previous0 = false;
  while (remaining > 1 && charnum <= maxSymbol) {
    if (previous0) {
      // A run of zero counts: 24 symbols for each 0xFFFF, 3 for each 3, then 0 to 2.
      let n0 = charnum;
      while ((bitStream & 0xffff) === 0xffff) {
        n0 += 24;
        if (remain() > 5) {
          off += 2;
          bitStream = u32() >>> bitCount;
        } else {
          bitStream >>>= 16;
          bitCount += 16;
        }
      }
      while ((bitStream & 3) === 3) {
        n0 += 3;
        bitStream >>>= 2;
        bitCount += 2;
      }
      n0 += bitStream & 3;
      bitCount += 2;
      if (n0 > 255) return undefined;
      while (charnum < n0) norm[charnum++ & 0xff] = 0;
      if (remain() >= 7 || remain() - (bitCount >> 3) >= 4) {
        off += bitCount >> 3;
        bitCount &= 7;
        bitStream = u32() >>> bitCount;
      } else bitStream >>>= 2;
    }
    const max = 2 * threshold - 1 - remaining;
    let count: number;
    if ((bitStream & (threshold - 1)) < max) {
      count = bitStream & (threshold - 1);
      bitCount += nbBits - 1;
    } else {
      count = bitStream & (2 * threshold - 1);
      if (count >= threshold) count -= max;
      bitCount += nbBits;
    }
    count--;
    if (count < 0) {
      remaining += count;
      gotTotal -= count;
    } else {
      remaining -= count;
      gotTotal += count;
    }
    norm[charnum & 0xff] = count;
    charnum = (charnum + 1) & 0xffff;
    previous0 = count === 0;
    while (remaining < threshold) {
      nbBits--;
      threshold >>= 1;
    }
    if (remain() >= 7 || remain() - (bitCount >> 3) >= 4) {
      off += bitCount >> 3;
      bitCount &= 7;
    } else {
      // The last 4 bytes read again, the bits already read of them counted off (bitCount never goes below them).
      bitCount -= 8 * (b.length - 4 - off);
      off = b.length - 4;
    }
    bitStream = u32() >>> (bitCount & 31);
  }
  if (charnum <= 1 || charnum > 256 || remaining !== 1 || bitCount > 32 || gotTotal !== 1 << log) return undefined;
  const table = buildDtable(norm, charnum, log, sizeAllowed);
  return table === undefined ? undefined : { table, end: off + ((bitCount + 7) >> 3) };
}

/**
 * buildDtable: symbols of count -1 at the table's top, the others spread by
 * the step, then each state's bits and next state; undefined where the spread
 * does not come round to 0 or a next state is past the table (zstd's check
 * lets it be the table's size, `sizeAllowed`; fse's does not) or loops on
 * itself reading nothing.
 */
export function buildDtable(norm: Int16Array, symbolLen: number, log: number, sizeAllowed: boolean): FseTable | undefined {
  const size = 1 << log;
  const t: FseTable = { log, symbol: new Uint8Array(size), nbBits: new Uint8Array(size), newState: new Uint16Array(size), zeroBits: false };
  const next = new Uint16Array(256);
  let high = size - 1;
  for (let i = 0; i < symbolLen; i++) {
    const v = norm[i]!;
    if (v === -1) {
      t.symbol[high--] = i;
      next[i] = 1;
    } else {
      if (v >= 1 << (log - 1)) t.zeroBits = true;
      next[i] = v & 0xffff;
    }
  }
  const step = (size >> 1) + (size >> 3) + 3;
  let position = 0;
  for (let s = 0; s < symbolLen; s++) {
    for (let i = 0; i < norm[s]!; i++) {
      t.symbol[position] = s;
      do position = (position + step) & (size - 1);
      while (position > high);
    }
  }
  if (position !== 0) return undefined;
  for (let u = 0; u < size; u++) {
    const s = t.symbol[u]!;
    const nextState = next[s]!;
    next[s] = (nextState + 1) & 0xffff;
    const nb = (log - (31 - Math.clz32(nextState))) & 0xff;
    const ns = ((nextState << nb) - size) & 0xffff;
    if (ns > size - (sizeAllowed ? 0 : 1) || (ns === u && nb === 0)) return undefined;
    t.nbBits[u] = nb;
    t.newState[u] = ns;
  }
  return t;
}
