// go-archive's compression.DecompressStream (v0.2.0), which upstream's
// SOURCE_DATE_EPOCH reads an HTTP source's archive through: the format told
// by its first bytes (bzip2, gzip, xz, zstd, in that order), else the bytes
// as they are. As in Go, the data is decompressed as its reader asks, a chunk
// at a time, so that what a small archive unpacks to (gigabytes of zeros)
// never sits in memory; where Go's decompressor would fail, the bytes before
// the failure are handed out and the end is marked so: reading past them is
// that error.

import { nodeZlib } from '../builtins.ts';
import Bunzip, { type Block } from 'seek-bzip';
import xxhash, { type XXHashAPI } from 'xxhash-wasm';
import { inflate } from './inflate.ts';
import { inMemory } from './tar.ts';
import { ZstdDecoders, ZstdFrameState, blockHeader } from './zstd.ts';

/**
 * What a decompressor gives, in order: each chunk readable until the next is
 * asked for; the return value is `endIsError`, true where the decompressor
 * failed after the chunks (reading past them is an error, not io.EOF).
 */
export type Decompressed = Generator<Uint8Array, boolean, undefined>;

const startsWith = (b: Uint8Array, magic: readonly number[]): boolean => b.length >= magic.length && magic.every((m, i) => b[i] === m);

/** compression.Detect on the first 10 bytes. */
export function detectCompression(b: Uint8Array): 'none' | 'bzip2' | 'gzip' | 'xz' | 'zstd' {
  if (startsWith(b, [0x42, 0x5a, 0x68])) return 'bzip2';
  if (startsWith(b, [0x1f, 0x8b, 0x08])) return 'gzip';
  if (startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return 'xz';
  if (startsWith(b, [0x28, 0xb5, 0x2f, 0xfd])) return 'zstd';
  // A skippable frame (magic 0x184D2A50 to 0x184D2A5F), seen only with 8 bytes or more.
  if (b.length >= 8 && (b[0]! & 0xf0) === 0x50 && b[1] === 0x2a && b[2] === 0x4d && b[3] === 0x18) return 'zstd';
  return 'none';
}

/**
 * DecompressStream's reader: undefined where DecompressStream itself fails.
 * That is xz's case in upstream's image, which has no `xz` program to run
 * (go-archive runs it for xz), and gzip's when the first header does not read.
 */
export async function decompressStream(data: Uint8Array): Promise<Decompressed | undefined> {
  switch (detectCompression(data.subarray(0, 10))) {
    case 'none':
      return inMemory(data, false);
    case 'xz':
      return undefined;
    case 'gzip':
      return typeof gzipHeaderEnd(data, 0) === 'number' ? gunzip(data) : undefined;
    case 'bzip2':
      return bunzip2(data);
    case 'zstd':
      return unzstd(data, await xxhash());
  }
}

/**
 * compress/gzip's Reader, members one after another: each header as Go reads
 * it (the first one's error is DecompressStream's), the deflate data
 * (src/go/inflate.ts), then the CRC-32 and size, whose mismatch is an error
 * after the member's data.
 */
function* gunzip(data: Uint8Array): Decompressed {
  const zlib = nodeZlib();
  let pos = 0;
  for (let first = true; ; first = false) {
    const start = gzipHeaderEnd(data, pos);
    if (start === 'eof' && !first) return false;
    if (typeof start === 'string') return true;
    const member = inflate(data, start);
    let crc = 0;
    let size = 0;
    for (;;) {
      const r = member.next();
      if (r.done) {
        if (r.value === undefined) return true;
        pos = r.value;
        break;
      }
      crc = zlib.crc32(r.value, crc);
      size = (size + r.value.length) % 2 ** 32;
      yield r.value;
    }
    if (pos + 8 > data.length) return true;
    const view = new DataView(data.buffer, data.byteOffset + pos, 8);
    if (view.getUint32(0, true) !== crc || view.getUint32(4, true) !== size) return true;
    pos += 8;
  }
}

/** Where a gzip member's header that starts at `pos` ends; 'eof' when nothing is left, 'error' where Go's readHeader errs. */
function gzipHeaderEnd(b: Uint8Array, pos: number): number | 'eof' | 'error' {
  if (pos === b.length) return 'eof';
  if (pos + 10 > b.length || b[pos] !== 0x1f || b[pos + 1] !== 0x8b || b[pos + 2] !== 0x08) return 'error';
  const flags = b[pos + 3]!;
  let p = pos + 10;
  if (flags & 0x04) {
    if (p + 2 > b.length) return 'error';
    p += 2 + (b[p]! | (b[p + 1]! << 8));
    if (p > b.length) return 'error';
  }
  // The name, then the comment: NUL-ended, at most 511 bytes before the NUL.
  for (const flag of [0x08, 0x10]) {
    if ((flags & flag) === 0) continue;
    for (let i = 0; ; i++) {
      if (i >= 512 || p + i >= b.length) return 'error';
      if (b[p + i] === 0) {
        p += i + 1;
        break;
      }
    }
  }
  if (flags & 0x02) {
    if (p + 2 > b.length) return 'error';
    if ((b[p]! | (b[p + 1]! << 8)) !== (nodeZlib().crc32(b.subarray(pos, p)) & 0xffff)) return 'error';
    p += 2;
  }
  return p;
}

/**
 * compress/bzip2: concatenated streams read one after another, by seek-bzip
 * (its decode loop, a block at a time); a block's bytes are handed out before
 * its CRC is checked, as Go's reader does.
 */
function* bunzip2(data: Uint8Array): Decompressed {
  // seek-bzip's own input over a buffer: a byte past the end reads as undefined.
  const input = Object.assign(new Bunzip.Stream(), {
    pos: 0,
    readByte(this: { pos: number }): number {
      return data[this.pos++]!;
    },
    seek(this: { pos: number }, pos: number): void {
      this.pos = pos;
    },
    eof(this: { pos: number }): boolean {
      return this.pos >= data.length;
    },
  });
  const out = new Uint8Array(1 << 18);
  try {
    const bz = new Bunzip(input, input);
    while (!input.eof()) {
      if (bz._init_block()) {
        yield* blockBytes(bz, out);
        continue;
      }
      const streamCRC = bz.reader.read(32) >>> 0;
      if (streamCRC !== bz.streamCRC) return true;
      if (input.eof()) break;
      bz._start_bunzip(input, input);
    }
    return false;
  } catch {
    return true;
  }
}

/**
 * seek-bzip's _read_bunzip, which writes a whole block at once (up to ~45 MB
 * from 900 kB of runs), paused whenever `out` is full: the inverse BWT walked,
 * runs of 4 to 259 bytes undone, then the block's CRC checked.
 */
function* blockBytes(bz: Block, out: Uint8Array): Generator<Uint8Array, void, undefined> {
  const dbuf = bz.dbuf;
  const crc = bz.blockCRC;
  let pos = bz.writePos;
  let current = bz.writeCurrent;
  let run = bz.writeRun;
  let o = 0;
  for (let count = bz.writeCount; count > 0; count--) {
    const previous = current;
    pos = dbuf[pos]!;
    current = pos & 0xff;
    pos >>= 8;
    let copies = 1;
    let byte = current;
    if (run++ === 3) {
      copies = current;
      byte = previous;
      current = -1;
    }
    crc.updateCRCRun(byte, copies);
    while (copies > 0) {
      const k = Math.min(copies, out.length - o);
      out.fill(byte, o, o + k);
      o += k;
      copies -= k;
      if (o === out.length) {
        yield out;
        o = 0;
      }
    }
    if (current !== previous) run = 0;
  }
  bz.writeCount = 0;
  if (o > 0) yield out.subarray(0, o);
  if (crc.getCRC() !== bz.targetBlockCRC) throw new Error('bzip2: bad block CRC');
}

/**
 * klauspost/compress's zstd decoder as it runs with more than one CPU (its
 * concurrent stream decoder; with one it hands out less before an error):
 * frames in turn, skippable frames skipped. A frame whose header klauspost
 * refuses (a reserved bit, a dictionary, a window over its 512 MiB maximum,
 * as is a single segment's content size over it) is an error where it
 * starts. A block that cannot be read or decoded is withheld and its error
 * comes instead (but for a match offset past the history, where Go hands out
 * its block decoder's stale buffer first: ZstdDecoders); a block that takes
 * the frame past its declared content size, or the frame's last block when
 * that size is unmet or the checksum is wrong, is handed out and the error
 * comes after it; a last block whose checksum is cut off is withheld. Blocks are decoded as klauspost decodes
 * them (src/go/zstd.ts); the frame's layout, sizes and checksum are read here.
 */
function* unzstd(data: Uint8Array, xxh: XXHashAPI): Decompressed {
  const u32 = (p: number): number => (data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24)) >>> 0;
  const decoders = new ZstdDecoders();
  let pos = 0;
  while (pos < data.length) {
    if (pos + 4 > data.length) return true;
    const magic = u32(pos);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      if (pos + 8 > data.length) return true;
      pos += 8 + u32(pos + 4);
      if (pos > data.length) return true;
      continue;
    }
    if (magic !== 0xfd2fb528) return true;
    const frame = zstdFrame(data, pos);
    if (frame === undefined || frame.window === undefined) return true;
    const state = new ZstdFrameState(frame.window);
    const hash = frame.checksum ? xxh.create64() : undefined;
    let size = 0n;
    for (let p = frame.first, k = 0; k < frame.blocks; k++) {
      const chunk = state.block(data, p, decoders);
      if (chunk === undefined) {
        if (state.leaked !== undefined && state.leaked.length > 0) yield state.leaked;
        return true;
      }
      p += 3 + blockHeader(data, p).length;
      size += BigInt(chunk.length);
      hash?.update(chunk);
      const lastBlock = frame.last && k === frame.blocks - 1;
      if (lastBlock && hash !== undefined && frame.end > data.length) return true;
      yield chunk;
      if (frame.contentSize !== undefined && (size > frame.contentSize || (lastBlock && size !== frame.contentSize))) return true;
      if (lastBlock && hash !== undefined && Number(hash.digest() & 0xffffffffn) !== u32(frame.end - 4)) return true;
    }
    if (!frame.last) return true;
    pos = frame.end;
  }
  return false;
}

/** MaxWindowSize, klauspost's default limit on a frame's window (a single segment's is its content size). */
const ZSTD_MAX_WINDOW = 1 << 29;

/**
 * A zstd frame's layout from its header and block headers: its window
 * (undefined where klauspost's frameDec.reset or the stream decoder refuses
 * the header), declared content size, whether it ends in a checksum, the
 * blocks whose header and content are all in the data, whether the last of
 * them is the frame's last, where its first block starts and where the frame
 * ends (past the data when it is cut); undefined when the data ends inside
 * the frame's header.
 */
function zstdFrame(b: Uint8Array, pos: number): { window: number | undefined; first: number; end: number; blocks: number; last: boolean; contentSize: bigint | undefined; checksum: boolean } | undefined {
  let p = pos + 4;
  if (p >= b.length) return undefined;
  const fhd = b[p]!;
  const singleSegment = (fhd >> 5) & 1;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6]!;
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  p += 1 + (singleSegment ? 0 : 1) + dictBytes;
  if (p + fcsBytes > b.length) return undefined;
  let dictionary = 0;
  for (let i = 0; i < dictBytes; i++) dictionary += b[p - dictBytes + i]! * 2 ** (8 * i);
  let contentSize: bigint | undefined;
  if (fcsBytes > 0) {
    contentSize = 0n;
    for (let i = fcsBytes - 1; i >= 0; i--) contentSize = (contentSize << 8n) | BigInt(b[p + i]!);
    if (fcsBytes === 2) contentSize += 256n;
  }
  p += fcsBytes;
  // The window: from its descriptor (2^(10+e) plus m eighths), or a single segment's content size (1 KiB at least).
  let window: number | undefined;
  if (singleSegment) {
    const cs = contentSize!;
    window = cs > BigInt(ZSTD_MAX_WINDOW) ? undefined : Math.max(Number(cs), 1024);
  } else {
    const wd = b[pos + 5]!;
    const base = 2 ** (10 + (wd >> 3));
    window = base + (base / 8) * (wd & 7);
  }
  if ((fhd & 8) !== 0 || dictionary !== 0 || window === undefined || window > ZSTD_MAX_WINDOW) window = undefined;
  const checksum = ((fhd >> 2) & 1) === 1;
  const first = p;
  let blocks = 0;
  for (;;) {
    if (p + 3 > b.length) return { window, first, end: b.length + 1, blocks, last: false, contentSize, checksum };
    const block = blockHeader(b, p);
    p += 3 + block.length;
    if (p > b.length) return { window, first, end: p, blocks, last: false, contentSize, checksum };
    blocks++;
    if (block.last) return { window, first, end: p + (checksum ? 4 : 0), blocks, last: true, contentSize, checksum };
  }
}
