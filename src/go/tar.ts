// Go's archive/tar Reader.Next over a stream of bytes: each entry's header as
// Go returns it, io.EOF at the archive's end, an error where Go errs. Written
// from archive/tar's reader.go, format.go, strconv.go and common.go (Go 1.26).
// Two readers of upstream use it: dockerui's isArchive (Next on an HTTP
// context's first 1024 bytes) and SOURCE_DATE_EPOCH's archive time (every
// entry of an HTTP source's archive).

import { int64Decimal } from './strconv.ts';

const BLOCK = 512;
const MAX_SPECIAL_FILE_SIZE = 1 << 20;
const MAX_SPARSE_FILE_ENTRIES = 1 << 20;
const INT64_MAX = 2n ** 63n - 1n;

/** Any error of Go's reader (ErrHeader, io.ErrUnexpectedEOF, ErrFieldTooLong, a decompressor's error). */
export class TarError extends Error {}
/** io.EOF met where Go's reader passes it on as the archive's end. */
class TarEOF extends Error {}
const fail = (): never => {
  throw new TarError('archive/tar: invalid archive');
};

/** A time as Go's time.Unix makes it: seconds since 1970 and nanoseconds in [0, 1e9). */
export interface TarTime {
  seconds: bigint;
  nanos: number;
}

/** The fields of a returned header that its readers here use. */
export interface TarHeader {
  typeflag: number;
  name: string;
  /** Header.Mode: an int64. */
  mode: bigint;
  modTime: TarTime;
  size: bigint;
}

/** Go's zero time.Time (January 1, year 1), a global header's ModTime. */
export const GO_ZERO_TIME: TarTime = { seconds: -62135596800n, nanos: 0 };

/** The bytes under archive/tar's Reader, a chunk at a time (see Stream); the generator returns `endIsError`. */
export type TarChunks = Iterator<Uint8Array, boolean, undefined>;

/**
 * archive/tar's Reader over `data`, bytes in memory or chunks as they come.
 * `endIsError`: the bytes end where the stream under Go's reader failed (a
 * decompressor's error), so reading past them is that error, never io.EOF.
 */
export class TarReader {
  private readonly s: Stream;
  /** The current entry's data not yet read (regFileReader's nb). */
  private remaining = 0n;
  private pad = 0;
  private err: Error | undefined;

  constructor(data: Uint8Array | TarChunks, endIsError = false) {
    this.s = new Stream(data instanceof Uint8Array ? inMemory(data, endIsError) : data);
  }

  /** Reader.Next: the next header, undefined at io.EOF; throws TarError (and again on every later call). */
  next(): TarHeader | undefined {
    if (this.err !== undefined) {
      if (this.err instanceof TarEOF) return undefined;
      throw this.err;
    }
    try {
      return this.nextHeader();
    } catch (err) {
      if (!(err instanceof TarError || err instanceof TarEOF)) throw err;
      this.err = err;
      if (err instanceof TarEOF) return undefined;
      throw err;
    }
  }

  private nextHeader(): TarHeader {
    let pax: Map<string, string> | undefined;
    let longName = '';
    for (;;) {
      // The rest of the current file (io.CopyN: short is io.ErrUnexpectedEOF), then its padding (tryReadFull: short is io.EOF).
      this.s.discard(this.remaining);
      this.remaining = 0n;
      this.s.tryReadFull(this.pad);
      this.pad = 0;
      const { hdr, blk } = readHeader(this.s);
      this.handleRegularFile(hdr);
      switch (hdr.typeflag) {
        case TYPE_X_HEADER:
        case TYPE_X_GLOBAL:
          pax = parsePAX(this.readSpecialFile());
          if (hdr.typeflag === TYPE_X_GLOBAL) {
            // Returned as it is: a name (a path record's), no mode, Go's zero time (mergePAX's error ignored).
            try {
              mergePAX(hdr, pax);
            } catch (err) {
              if (!(err instanceof TarError)) throw err;
            }
            return { typeflag: hdr.typeflag, name: hdr.name, mode: 0n, modTime: GO_ZERO_TIME, size: 0n };
          }
          continue;
        case TYPE_GNU_LONG_NAME:
        case TYPE_GNU_LONG_LINK: {
          const data = this.readSpecialFile();
          if (hdr.typeflag === TYPE_GNU_LONG_NAME) longName = cString(data);
          continue;
        }
        default: {
          if (pax !== undefined) mergePAX(hdr, pax);
          if (longName !== '') hdr.name = longName;
          if (hdr.typeflag === TYPE_REG_A) hdr.typeflag = hdr.name.endsWith('/') ? TYPE_DIR : TYPE_REG;
          this.handleRegularFile(hdr);
          this.handleSparseFile(hdr, blk);
          return hdr;
        }
      }
    }
  }

  /** The file's data to read (0 for header-only types) and its padding; a negative size fails. */
  private handleRegularFile(hdr: Header): void {
    const nb = HEADER_ONLY.has(hdr.typeflag) ? 0n : hdr.size;
    if (nb < 0n) fail();
    this.remaining = nb;
    this.pad = Number(-nb & BigInt(BLOCK - 1));
  }

  /** readSpecialFile: io.ReadAll of at most 1 MiB + 1 of the file's data; all of it must be there. */
  private readSpecialFile(): Uint8Array {
    const want = this.remaining > BigInt(MAX_SPECIAL_FILE_SIZE + 1) ? MAX_SPECIAL_FILE_SIZE + 1 : Number(this.remaining);
    const buf = this.s.mustReadFull(want);
    this.remaining -= BigInt(want);
    if (buf.length > MAX_SPECIAL_FILE_SIZE) fail(); // ErrFieldTooLong
    return buf;
  }

  /** A whole block of the current file's data (mustReadFull through regFileReader). */
  private readDataBlock(): Uint8Array {
    if (this.remaining < BigInt(BLOCK)) {
      // The file's data ends first: io.ErrUnexpectedEOF, whatever the stream holds after it.
      this.s.mustReadFull(Number(this.remaining));
      this.remaining = 0n;
      fail();
    }
    this.remaining -= BigInt(BLOCK);
    return this.s.mustReadFull(BLOCK);
  }

  private handleSparseFile(hdr: Header, blk: Uint8Array): void {
    const spd = hdr.typeflag === TYPE_GNU_SPARSE ? readOldGNUSparseMap(this.s, hdr, blk) : this.readGNUSparsePAXHeaders(hdr);
    if (spd !== undefined && (HEADER_ONLY.has(hdr.typeflag) || !validSparseEntries(spd, hdr.size))) fail();
  }

  private readGNUSparsePAXHeaders(hdr: Header): SparseEntry[] | undefined {
    const rec = (k: string): string => hdr.pax?.get(k) ?? '';
    const major = rec('GNU.sparse.major');
    const minor = rec('GNU.sparse.minor');
    let is1x0: boolean;
    if (major === '0' && (minor === '0' || minor === '1')) is1x0 = false;
    else if (major === '1' && minor === '0') is1x0 = true;
    else if (major !== '' || minor !== '') return undefined;
    else if (rec('GNU.sparse.map') !== '') is1x0 = false;
    else return undefined;
    if (rec('GNU.sparse.name') !== '') hdr.name = rec('GNU.sparse.name');
    const size = rec('GNU.sparse.size') !== '' ? rec('GNU.sparse.size') : rec('GNU.sparse.realsize');
    if (size !== '') {
      const n = parseInt64(size);
      if (n === undefined) fail();
      hdr.size = n!;
    }
    return is1x0 ? this.readGNUSparseMap1x0() : readGNUSparseMap0x1(hdr.pax!);
  }

  /** Version 1.0: newline-ended decimal fields at the start of the file's data, read a block at a time. */
  private readGNUSparseMap1x0(): SparseEntry[] {
    let buf = '';
    let newlines = 0;
    let total = 0;
    const feed = (n: bigint): void => {
      while (BigInt(newlines) < n) {
        total += BLOCK;
        if (total > MAX_SPECIAL_FILE_SIZE) fail();
        const b = text(this.readDataBlock());
        buf += b;
        for (let i = 0; i < b.length; i++) if (b.charCodeAt(i) === 0x0a) newlines++;
      }
    };
    const token = (): string => {
      newlines--;
      const nl = buf.indexOf('\n');
      const tok = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      return tok;
    };
    feed(1n);
    const count = parseInt64(token());
    if (count === undefined || count < 0n || count > INT64_MAX / 2n) fail();
    feed(2n * count!);
    const spd: SparseEntry[] = [];
    for (let i = 0n; i < count!; i++) {
      const offset = parseInt64(token());
      const length = parseInt64(token());
      if (offset === undefined || length === undefined) fail();
      appendSparse(spd, { offset: offset!, length: length! });
    }
    return spd;
  }
}

/** Bytes in memory as one chunk, then their end. */
export function* inMemory(data: Uint8Array, endIsError: boolean): Generator<Uint8Array, boolean, undefined> {
  yield data;
  return endIsError;
}

/** Reader.Next on `head` alone (a bytes.Buffer): true when it returns a header. */
export function tarNextSucceeds(head: Uint8Array): boolean {
  try {
    return new TarReader(head).next() !== undefined;
  } catch (err) {
    if (err instanceof TarError) return false;
    throw err;
  }
}

/** headerFileInfo.Mode().IsRegular(): neither the mode's file type bits (as a 32-bit FileMode) nor the type flag say otherwise. */
export function tarIsRegular(hdr: TarHeader): boolean {
  const type = BigInt.asUintN(32, hdr.mode) & ~0o7777n;
  if (type === 0o40000n || type === 0o10000n || type === 0o120000n || type === 0o60000n || type === 0o20000n || type === 0o140000n) return false;
  return !SPECIAL_TYPES.has(hdr.typeflag);
}

/**
 * The bytes under Go's reader, read from the front as they come: chunks (a
 * decompressor's, each readable only until the next is asked for, so what is
 * kept is copied), whose generator returns `endIsError`.
 */
class Stream {
  private chunk: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private ended = false;
  private endIsError = false;
  constructor(private readonly chunks: TarChunks) {}
  /** Whether bytes are left, the next chunk asked for when this one is read. */
  private more(): boolean {
    while (this.pos === this.chunk.length) {
      if (this.ended) return false;
      const r = this.chunks.next();
      if (r.done === true) {
        this.ended = true;
        this.endIsError = r.value;
        return false;
      }
      this.chunk = r.value;
      this.pos = 0;
    }
    return true;
  }
  /** Where Go's read met io.EOF: `eof` when Go passes that on, else its error. */
  private short(eof: boolean): never {
    throw eof && !this.endIsError ? new TarEOF() : new TarError('archive/tar: unexpected EOF');
  }
  /** Up to n bytes, fewer only where the data ends. */
  private take(n: number): Uint8Array {
    if (this.chunk.length - this.pos >= n) return this.chunk.slice(this.pos, (this.pos += n));
    const out = new Uint8Array(n);
    let got = 0;
    while (got < n && this.more()) {
      const k = Math.min(n - got, this.chunk.length - this.pos);
      out.set(this.chunk.subarray(this.pos, this.pos + k), got);
      this.pos += k;
      got += k;
    }
    return got === n ? out : out.subarray(0, got);
  }
  /** n bytes passed over; false where the data ends first. */
  private skip(n: bigint): boolean {
    while (n > 0n) {
      if (!this.more()) return false;
      const k = Math.min(this.chunk.length - this.pos, n > 1n << 30n ? 1 << 30 : Number(n));
      this.pos += k;
      n -= BigInt(k);
    }
    return true;
  }
  /** io.ReadFull: io.EOF when nothing is left, io.ErrUnexpectedEOF when some but not enough. */
  readFull(n: number): Uint8Array {
    const b = this.take(n);
    if (b.length < n) this.short(b.length === 0);
    return b;
  }
  /** mustReadFull: io.ErrUnexpectedEOF when not enough is left. */
  mustReadFull(n: number): Uint8Array {
    const b = this.take(n);
    if (b.length < n) this.short(false);
    return b;
  }
  /** tryReadFull: io.EOF when not enough is left. */
  tryReadFull(n: number): void {
    if (!this.skip(BigInt(n))) this.short(true);
  }
  /** discard (io.CopyN to io.Discard): io.ErrUnexpectedEOF when not enough is left. */
  discard(n: bigint): void {
    if (!this.skip(n)) this.short(false);
  }
}

const TYPE_REG_A = 0x00;
const TYPE_REG = '0'.charCodeAt(0);
const TYPE_DIR = '5'.charCodeAt(0);
const TYPE_X_HEADER = 'x'.charCodeAt(0);
const TYPE_X_GLOBAL = 'g'.charCodeAt(0);
const TYPE_GNU_LONG_NAME = 'L'.charCodeAt(0);
const TYPE_GNU_LONG_LINK = 'K'.charCodeAt(0);
const TYPE_GNU_SPARSE = 'S'.charCodeAt(0);
/** Link, symlink, char, block, dir, fifo: no data whatever the size says. */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6'].map((c) => c.charCodeAt(0)));
/** Symlink, char, block, dir, fifo: not regular files whatever the mode says. */
const SPECIAL_TYPES = new Set(['2', '3', '4', '5', '6'].map((c) => c.charCodeAt(0)));

type Format = 'unknown' | 'v7' | 'ustar' | 'gnu' | 'star';

interface Header extends TarHeader {
  pax?: Map<string, string>;
}

function readHeader(s: Stream): { hdr: Header; blk: Uint8Array } {
  let blk = s.readFull(BLOCK);
  if (isZero(blk)) {
    blk = s.readFull(BLOCK);
    if (isZero(blk)) throw new TarEOF(); // two zero blocks: the end
    fail(); // a zero block, then another
  }
  const format = getFormat(blk);
  if (format === 'unknown') fail();
  const p = new Parser();
  const hdr: Header = { typeflag: blk[156]!, name: cString(blk.subarray(0, 100)), size: 0n, mode: 0n, modTime: GO_ZERO_TIME };
  hdr.size = p.parseNumeric(blk.subarray(124, 136));
  hdr.mode = p.parseNumeric(blk.subarray(100, 108));
  p.parseNumeric(blk.subarray(108, 116)); // uid
  p.parseNumeric(blk.subarray(116, 124)); // gid
  hdr.modTime = { seconds: p.parseNumeric(blk.subarray(136, 148)), nanos: 0 };
  if (format !== 'v7') {
    p.parseNumeric(blk.subarray(329, 337)); // devmajor
    p.parseNumeric(blk.subarray(337, 345)); // devminor
    let prefix = '';
    if (format === 'ustar') prefix = cString(blk.subarray(345, 500));
    else if (format === 'star') {
      prefix = cString(blk.subarray(345, 476));
      p.parseNumeric(blk.subarray(476, 488)); // atime
      p.parseNumeric(blk.subarray(488, 500)); // ctime
    } else {
      // GNU: atime and ctime by a parser of their own; when they do not parse, the
      // field is taken for a USTAR prefix (files of Go before 1.8), if ASCII.
      const p2 = new Parser();
      if (blk[345] !== 0) p2.parseNumeric(blk.subarray(345, 357));
      if (blk[357] !== 0) p2.parseNumeric(blk.subarray(357, 369));
      if (p2.failed) {
        const s = cString(blk.subarray(345, 500));
        if (!/[^\x00-\x7f]/.test(s)) prefix = s;
      }
    }
    if (prefix !== '') hdr.name = `${prefix}/${hdr.name}`;
  }
  if (p.failed) fail();
  return { hdr, blk };
}

function isZero(b: Uint8Array): boolean {
  for (const c of b) if (c !== 0) return false;
  return true;
}

const text = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** parser.parseString: the bytes up to the first NUL. */
function cString(b: Uint8Array): string {
  const s = text(b);
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}

const USTAR_MAGIC = [...'ustar\0'].map((c) => c.charCodeAt(0));
/** The GNU magic, then its version. */
const GNU_MAGIC = [...'ustar  \0'].map((c) => c.charCodeAt(0));
const STAR_TRAILER = [...'tar\0'].map((c) => c.charCodeAt(0));
const bytesAre = (b: Uint8Array, at: number, want: readonly number[]): boolean => want.every((c, i) => b[at + i] === c);

function getFormat(blk: Uint8Array): Format {
  const p = new Parser();
  const value = p.parseOctal(blk.subarray(148, 156));
  // The sums with the checksum field as spaces (Go's int64s, which 512 bytes keep exact as numbers); signed counts bytes above 127 as negative.
  let unsigned = 0;
  let high = 0;
  for (let i = 0; i < BLOCK; i++) {
    const c = blk[i]!;
    unsigned += c;
    high += c >> 7;
  }
  for (let i = 148; i < 156; i++) {
    const c = blk[i]!;
    unsigned += 0x20 - c;
    high -= c >> 7;
  }
  const signed = unsigned - 256 * high;
  if (p.failed || (value !== BigInt(unsigned) && value !== BigInt(signed))) return 'unknown';
  if (bytesAre(blk, 257, USTAR_MAGIC) && bytesAre(blk, 508, STAR_TRAILER)) return 'star';
  if (bytesAre(blk, 257, USTAR_MAGIC)) return 'ustar';
  if (bytesAre(blk, 257, GNU_MAGIC)) return 'gnu';
  return 'v7';
}

/** archive/tar's parser: numeric fields, the first error remembered. */
class Parser {
  failed = false;

  /** Base-256 when the first byte's top bit is set, else octal. */
  parseNumeric(b: Uint8Array): bigint {
    if (b.length > 0 && (b[0]! & 0x80) !== 0) {
      const inv = (b[0]! & 0x40) !== 0 ? 0xff : 0x00;
      let x = 0n;
      for (let i = 0; i < b.length; i++) {
        let c = b[i]! ^ inv;
        if (i === 0) c &= 0x7f;
        if (x >> 56n > 0n) {
          this.failed = true;
          return 0n;
        }
        x = (x << 8n) | BigInt(c);
      }
      if (x >> 63n > 0n) {
        this.failed = true;
        return 0n;
      }
      return inv === 0xff ? -x - 1n : x;
    }
    return this.parseOctal(b);
  }

  /** Octal digits, padded with spaces or NULs, cut at an inner NUL; an int64 of the uint64 read. */
  parseOctal(b: Uint8Array): bigint {
    let start = 0;
    let end = b.length;
    while (start < end && (b[start] === 0x20 || b[start] === 0)) start++;
    while (end > start && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
    if (start === end) return 0n;
    // Up to 17 digits (51 bits) summed as a number; more go through a string.
    let x = 0;
    let i = start;
    for (; i < end && i - start < 17; i++) {
      const c = b[i]!;
      if (c === 0) break;
      if (c < 0x30 || c > 0x37) {
        this.failed = true;
        return 0n;
      }
      x = x * 8 + (c - 0x30);
    }
    if (i === end || b[i] === 0) return BigInt(x);
    let s = text(b.subarray(start, end));
    const nul = s.indexOf('\0');
    if (nul >= 0) s = s.slice(0, nul);
    if (!/^[0-7]+$/.test(s)) {
      this.failed = true;
      return 0n;
    }
    const big = BigInt('0o' + s);
    if (big >= 2n ** 64n) {
      this.failed = true;
      return BigInt.asIntN(64, 2n ** 64n - 1n);
    }
    return BigInt.asIntN(64, big);
  }
}

/** strconv.ParseInt(s, 10, 64); undefined where Go errs. */
function parseInt64(s: string): bigint | undefined {
  const n = int64Decimal(s);
  return typeof n === 'bigint' ? n : undefined;
}

/** parsePAX: the records of an extended header (GNU sparse 0.0 offsets and sizes joined into a map). */
function parsePAX(buf: Uint8Array): Map<string, string> {
  let rest = text(buf);
  const out = new Map<string, string>();
  const sparse: string[] = [];
  while (rest.length > 0) {
    const sp = rest.indexOf(' ');
    if (sp < 0) fail();
    const nStr = rest.slice(0, sp);
    const n0 = parseInt64(nStr);
    if (n0 === undefined || n0 < 5n || n0 > BigInt(rest.length)) fail();
    const n = Number(n0!) - (nStr.length + 1);
    if (n <= 0) fail();
    const after = rest.slice(sp + 1);
    const rec = after.slice(0, n - 1);
    if (after.slice(n - 1, n) !== '\n') fail();
    rest = after.slice(n);
    const eq = rec.indexOf('=');
    if (eq < 0) fail();
    const k = rec.slice(0, eq);
    const v = rec.slice(eq + 1);
    if (k === '' || k.includes('=')) fail();
    if (['path', 'linkpath', 'uname', 'gname'].includes(k) ? v.includes('\0') : k.includes('\0')) fail();
    if (k === 'GNU.sparse.offset' || k === 'GNU.sparse.numbytes') {
      if ((sparse.length % 2 === 0 && k !== 'GNU.sparse.offset') || (sparse.length % 2 === 1 && k !== 'GNU.sparse.numbytes') || v.includes(',')) fail();
      sparse.push(v);
    } else out.set(k, v);
  }
  if (sparse.length > 0) out.set('GNU.sparse.map', sparse.join(','));
  return out;
}

/** mergePAX: the records that fill header fields must parse. */
function mergePAX(hdr: Header, pax: Map<string, string>): void {
  hdr.pax = pax;
  for (const [k, v] of pax) {
    if (v === '') continue;
    switch (k) {
      case 'uid':
      case 'gid':
        if (parseInt64(v) === undefined) fail();
        break;
      case 'atime':
      case 'ctime':
        parsePAXTime(v);
        break;
      case 'mtime':
        hdr.modTime = parsePAXTime(v);
        break;
      case 'path':
        hdr.name = v;
        break;
      case 'size': {
        const n = parseInt64(v);
        if (n === undefined) fail();
        hdr.size = n!;
        break;
      }
    }
  }
}

/** parsePAXTime: `secs[.digits]`, the fraction cut to nanoseconds and taken as negative after a `-`. */
function parsePAXTime(s: string): TarTime {
  const dot = s.indexOf('.');
  const secs = parseInt64(dot < 0 ? s : s.slice(0, dot));
  if (secs === undefined) fail();
  if (dot < 0) return { seconds: secs!, nanos: 0 };
  const frac = s.slice(dot + 1);
  if (!/^[0-9]*$/.test(frac)) fail();
  const nanos = Number(frac.slice(0, 9).padEnd(9, '0'));
  // time.Unix(secs, -nanos) after a minus sign: a second less and the complement.
  if (s.startsWith('-') && nanos !== 0) return { seconds: secs! - 1n, nanos: 1e9 - nanos };
  return { seconds: secs!, nanos };
}

interface SparseEntry {
  offset: bigint;
  length: bigint;
}

function appendSparse(spd: SparseEntry[], e: SparseEntry): void {
  if (spd.length >= MAX_SPARSE_FILE_ENTRIES) fail();
  spd.push(e);
}

/** The old GNU format's map: four entries in the header, then extension blocks of 21 read from the stream. */
function readOldGNUSparseMap(s: Stream, hdr: Header, blk: Uint8Array): SparseEntry[] {
  if (getFormat(blk) !== 'gnu') fail();
  const p = new Parser();
  hdr.size = p.parseNumeric(blk.subarray(483, 495));
  if (p.failed) fail();
  // The entries and the "extended" byte after them: 4 in the header, 21 in an extension block.
  let arr = blk.subarray(386, 386 + 24 * 4 + 1);
  const spd: SparseEntry[] = [];
  let total = arr.length;
  while (total < MAX_SPECIAL_FILE_SIZE) {
    const max = Math.floor(arr.length / 24);
    for (let i = 0; i < max; i++) {
      const e = arr.subarray(i * 24, i * 24 + 24);
      if (e[0] === 0) break;
      const offset = p.parseNumeric(e.subarray(0, 12));
      const length = p.parseNumeric(e.subarray(12, 24));
      if (p.failed) fail();
      appendSparse(spd, { offset, length });
    }
    if (arr[24 * max]! > 0) {
      arr = s.mustReadFull(BLOCK).subarray(0, 24 * 21 + 1);
      total += arr.length;
      continue;
    }
    return spd;
  }
  return fail();
}

/** Version 0.1 (and 0.0, made 0.1 by parsePAX): the map in the records. */
function readGNUSparseMap0x1(pax: Map<string, string>): SparseEntry[] {
  const count = parseInt64(pax.get('GNU.sparse.numblocks') ?? '');
  if (count === undefined || count < 0n || count > INT64_MAX / 2n) fail();
  let map = (pax.get('GNU.sparse.map') ?? '').split(',');
  if (map.length === 1 && map[0] === '') map = [];
  if (BigInt(map.length) !== 2n * count!) fail();
  const spd: SparseEntry[] = [];
  for (let i = 0; i + 1 < map.length; i += 2) {
    const offset = parseInt64(map[i]!);
    const length = parseInt64(map[i + 1]!);
    if (offset === undefined || length === undefined) fail();
    appendSparse(spd, { offset: offset!, length: length! });
  }
  return spd;
}

function validSparseEntries(sp: readonly SparseEntry[], size: bigint): boolean {
  if (size < 0n) return false;
  let preEnd = 0n;
  for (const cur of sp) {
    if (cur.offset < 0n || cur.length < 0n) return false;
    if (cur.offset > INT64_MAX - cur.length) return false;
    const end = cur.offset + cur.length;
    if (end > size) return false;
    if (preEnd > cur.offset) return false;
    preEnd = end;
  }
  return true;
}
