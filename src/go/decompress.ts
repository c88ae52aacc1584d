// go-archive's compression.DecompressStream (v0.2.0), which upstream's
// SOURCE_DATE_EPOCH reads an HTTP source's archive through: the format told
// by its first bytes (bzip2, gzip, xz, zstd, in that order), else the bytes
// as they are. Go decompresses as its reader asks; here the whole input is
// decompressed at once, and where Go's decompressor would fail, the bytes
// before the failure are kept and marked so: reading past them is that error.

import { nodeZlib } from '../builtins.ts';
import Bunzip from 'seek-bzip';
import { Decompress as ZstdDecompress } from 'fzstd';
import xxhash from 'xxhash-wasm';

export interface Decompressed {
  bytes: Uint8Array;
  /** The decompressor failed after `bytes`: reading past them is an error, not io.EOF. */
  endIsError: boolean;
}

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
 * DecompressStream, then all its reader gives: undefined where DecompressStream
 * itself fails. That is xz's case in upstream's image, which has no `xz`
 * program to run (go-archive runs it for xz).
 */
export async function decompressStream(data: Uint8Array): Promise<Decompressed | undefined> {
  switch (detectCompression(data.subarray(0, 10))) {
    case 'none':
      return { bytes: data, endIsError: false };
    case 'xz':
      return undefined;
    case 'gzip':
      return gunzip(data);
    case 'bzip2':
      return bunzip2(data);
    case 'zstd':
      return unzstd(data);
  }
}

/**
 * compress/gzip's Reader, members one after another: each header as Go reads
 * it (its error before the first member is DecompressStream's), the deflate
 * data, then the CRC-32 and size, whose mismatch is an error after the
 * member's data. Data that does not inflate gives what inflates before the
 * failure (Go's flate hands that out first), then the error.
 */
function gunzip(data: Uint8Array): Decompressed | undefined {
  const zlib = nodeZlib();
  const out = new Output();
  let pos = 0;
  for (let first = true; ; first = false) {
    const end = gzipHeaderEnd(data, pos);
    if (end === 'eof' && !first) return out.result(false);
    if (typeof end === 'string') return first ? undefined : out.result(true);
    const body = data.subarray(end);
    let member: { buffer: Uint8Array; engine: { bytesWritten: number } };
    try {
      member = zlib.inflateRawSync(body, { info: true }) as unknown as typeof member;
    } catch {
      out.write(inflatablePrefix(body));
      return out.result(true);
    }
    out.write(member.buffer);
    pos = end + member.engine.bytesWritten;
    if (pos + 8 > data.length) return out.result(true);
    const view = new DataView(data.buffer, data.byteOffset + pos, 8);
    if (view.getUint32(0, true) !== zlib.crc32(member.buffer) || view.getUint32(4, true) !== member.buffer.length % 2 ** 32) return out.result(true);
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

/** What a deflate stream that fails gives before the failure: its longest prefix that inflates without error, cut short or not. */
function inflatablePrefix(body: Uint8Array): Uint8Array {
  const zlib = nodeZlib();
  const attempt = (n: number): Uint8Array | undefined => {
    try {
      return zlib.inflateRawSync(body.subarray(0, n), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      return undefined;
    }
  };
  const whole = attempt(body.length);
  if (whole !== undefined) return whole;
  let lo = 0;
  let hi = body.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (attempt(mid) !== undefined) lo = mid;
    else hi = mid;
  }
  return attempt(lo) ?? new Uint8Array(0);
}

/** A growing output the decompressors write into. */
class Output {
  buf = new Uint8Array(1 << 16);
  length = 0;
  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  writeByte(b: number): void {
    this.reserve(1);
    this.buf[this.length++] = b;
  }
  write(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.buf.set(chunk, this.length);
    this.length += chunk.length;
  }
  result(endIsError: boolean): Decompressed {
    return { bytes: this.buf.subarray(0, this.length), endIsError };
  }
}

/** compress/bzip2: concatenated streams read one after another. */
function bunzip2(data: Uint8Array): Decompressed {
  const out = new Output();
  try {
    Bunzip.decode(Buffer.from(data.buffer, data.byteOffset, data.byteLength), out, true);
    return out.result(false);
  } catch {
    return out.result(true);
  }
}

/**
 * klauspost/compress's zstd decoder as it runs with more than one CPU (its
 * concurrent stream decoder; with one it hands out less before an error):
 * frames in turn, skippable frames skipped. A block that cannot be read or
 * decoded is withheld and its error comes instead; a block that takes the
 * frame past its declared content size, or the frame's last block when that
 * size is unmet or the checksum is wrong, is handed out and the error comes
 * after it; a last block whose checksum is cut off is withheld. Blocks are
 * decoded by fzstd; the frame's layout, sizes and checksum are read here.
 */
async function unzstd(data: Uint8Array): Promise<Decompressed> {
  const out = new Output();
  const u32 = (p: number): number => (data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24)) >>> 0;
  let pos = 0;
  while (pos < data.length) {
    if (pos + 4 > data.length) return out.result(true);
    const magic = u32(pos);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      if (pos + 8 > data.length) return out.result(true);
      pos += 8 + u32(pos + 4);
      if (pos > data.length) return out.result(true);
      continue;
    }
    if (magic !== 0xfd2fb528) return out.result(true);
    const frame = zstdFrame(data, pos);
    if (frame === undefined) return out.result(true);
    // The blocks fzstd decodes, one chunk each, until the end or its error.
    const chunks: Uint8Array[] = [];
    let failed = false;
    try {
      new ZstdDecompress((chunk, final) => {
        if (!final || chunk.length > 0) chunks.push(chunk.slice());
      }).push(data.subarray(pos, Math.min(frame.end, data.length)), true);
    } catch {
      failed = true;
    }
    const blocks = Math.min(chunks.length, frame.blocks);
    const xxh = frame.checksum ? (await xxhash()).create64() : undefined;
    let size = 0n;
    for (let k = 0; k < blocks; k++) {
      const chunk = chunks[k]!;
      size += BigInt(chunk.length);
      xxh?.update(chunk);
      const last = frame.last && k === frame.blocks - 1;
      if (last && xxh !== undefined && frame.end > data.length) return out.result(true);
      out.write(chunk);
      if (frame.contentSize !== undefined && (size > frame.contentSize || (last && size !== frame.contentSize))) return out.result(true);
      if (last && xxh !== undefined && Number(xxh.digest() & 0xffffffffn) !== u32(frame.end - 4)) return out.result(true);
    }
    if (failed || !frame.last || blocks < frame.blocks) return out.result(true);
    pos = frame.end;
  }
  return out.result(false);
}

/**
 * A zstd frame's layout from its header and block headers: its declared
 * content size, whether it ends in a checksum, the blocks whose header and
 * content are all in the data, whether the last of them is the frame's last,
 * and where the frame ends (past the data when it is cut); undefined when the
 * data ends inside the frame's header.
 */
function zstdFrame(b: Uint8Array, pos: number): { end: number; blocks: number; last: boolean; contentSize: bigint | undefined; checksum: boolean } | undefined {
  let p = pos + 4;
  if (p >= b.length) return undefined;
  const fhd = b[p]!;
  const singleSegment = (fhd >> 5) & 1;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fhd >> 6]!;
  p += 1 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][fhd & 3]!;
  if (p + fcsBytes > b.length) return undefined;
  let contentSize: bigint | undefined;
  if (fcsBytes > 0) {
    contentSize = 0n;
    for (let i = fcsBytes - 1; i >= 0; i--) contentSize = (contentSize << 8n) | BigInt(b[p + i]!);
    if (fcsBytes === 2) contentSize += 256n;
  }
  p += fcsBytes;
  const checksum = ((fhd >> 2) & 1) === 1;
  let blocks = 0;
  for (;;) {
    if (p + 3 > b.length) return { end: b.length + 1, blocks, last: false, contentSize, checksum };
    const h = b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
    p += 3 + (((h >> 1) & 3) === 1 ? 1 : h >> 3);
    if (p > b.length) return { end: p, blocks, last: false, contentSize, checksum };
    blocks++;
    if (h & 1) return { end: p + (checksum ? 4 : 0), blocks, last: true, contentSize, checksum };
  }
}
