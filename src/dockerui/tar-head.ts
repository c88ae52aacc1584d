// Whether Go's archive/tar reads a first entry from the start of a stream:
// tar.NewReader(bytes.NewBuffer(head)).Next() succeeding, which dockerui's
// isArchive asks of the first 1024 bytes of an HTTP(S) build context. Those
// bytes are all there is: a header that needs more of the stream (a PAX or
// GNU long-name header followed by its file's header, an old GNU sparse
// header's extension blocks) fails, as it fails for Go. Written from
// archive/tar's reader.go, format.go and strconv.go (Go 1.26).

import { int64Decimal } from '../go/strconv.ts';

const BLOCK = 512;
const MAX_SPECIAL_FILE_SIZE = 1 << 20;
const MAX_SPARSE_FILE_ENTRIES = 1 << 20;
const INT64_MAX = 2n ** 63n - 1n;

/** Go's error for a malformed stream; every failure ends the same way here (false). */
class TarError extends Error {}
const fail = (): never => {
  throw new TarError();
};

/** archive/tar's Reader.Next on `head`: true when it returns a header. */
export function tarNextSucceeds(head: Uint8Array): boolean {
  try {
    next(new Stream(head));
    return true;
  } catch (err) {
    if (err instanceof TarError) return false;
    throw err;
  }
}

/** A bytes.Buffer read from the front. */
class Stream {
  private pos = 0;
  constructor(private readonly b: Uint8Array) {}
  get left(): number {
    return this.b.length - this.pos;
  }
  /** io.ReadFull / mustReadFull of n bytes: fails when fewer are left. */
  take(n: number): Uint8Array {
    if (n > this.left) fail();
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
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

type Format = 'unknown' | 'v7' | 'ustar' | 'gnu' | 'star';

interface Header {
  typeflag: number;
  size: bigint;
  /** The name (a legacy regular file whose name ends in `/` is a directory). */
  name: string;
  pax?: Map<string, string>;
}

function next(s: Stream): void {
  let pax: Map<string, string> | undefined;
  let longName = '';
  let pad = 0;
  for (;;) {
    // The rest of the previous (special) file was read whole; its padding.
    if (pad > 0) s.take(pad);
    const { hdr, blk } = readHeader(s);
    const nb = handleRegularFile(hdr);
    switch (hdr.typeflag) {
      case TYPE_X_HEADER:
      case TYPE_X_GLOBAL:
        pax = parsePAX(readSpecialFile(s, nb));
        // A global header is returned as it is (mergePAX's error ignored).
        if (hdr.typeflag === TYPE_X_GLOBAL) return;
        pad = blockPadding(nb);
        continue;
      case TYPE_GNU_LONG_NAME:
      case TYPE_GNU_LONG_LINK: {
        const data = readSpecialFile(s, nb);
        if (hdr.typeflag === TYPE_GNU_LONG_NAME) longName = cString(data);
        pad = blockPadding(nb);
        continue;
      }
      default: {
        if (pax !== undefined) mergePAX(hdr, pax);
        if (longName !== '') hdr.name = longName;
        if (hdr.typeflag === TYPE_REG_A) hdr.typeflag = hdr.name.endsWith('/') ? TYPE_DIR : TYPE_REG;
        const size = handleRegularFile(hdr);
        handleSparseFile(s, hdr, blk, size);
        return;
      }
    }
  }
}

/** The file's data length (0 for header-only types); a negative size fails. */
function handleRegularFile(hdr: Header): bigint {
  const nb = HEADER_ONLY.has(hdr.typeflag) ? 0n : hdr.size;
  if (nb < 0n) fail();
  return nb;
}

function blockPadding(n: bigint): number {
  return Number(-n & BigInt(BLOCK - 1));
}

/** readSpecialFile: the whole data section, which must be in the stream and at most 1 MiB. */
function readSpecialFile(s: Stream, nb: bigint): Uint8Array {
  if (nb > BigInt(s.left)) fail(); // io.ErrUnexpectedEOF (or ErrFieldTooLong beyond 1 MiB)
  if (nb > BigInt(MAX_SPECIAL_FILE_SIZE)) fail();
  return s.take(Number(nb));
}

function readHeader(s: Stream): { hdr: Header; blk: Uint8Array } {
  if (s.left === 0) fail(); // io.EOF
  let blk = s.take(BLOCK);
  if (isZero(blk)) {
    blk = s.take(BLOCK);
    fail(); // two zero blocks: io.EOF; a zero block then another: ErrHeader
  }
  const format = getFormat(blk);
  if (format === 'unknown') fail();
  const p = new Parser();
  const hdr: Header = { typeflag: blk[156]!, size: 0n, name: cString(blk.subarray(0, 100)) };
  hdr.size = p.parseNumeric(blk.subarray(124, 136));
  p.parseNumeric(blk.subarray(100, 108)); // mode
  p.parseNumeric(blk.subarray(108, 116)); // uid
  p.parseNumeric(blk.subarray(116, 124)); // gid
  p.parseNumeric(blk.subarray(136, 148)); // mtime
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

function getFormat(blk: Uint8Array): Format {
  const p = new Parser();
  const value = p.parseOctal(blk.subarray(148, 156));
  let unsigned = 0n;
  let signed = 0n;
  for (let i = 0; i < BLOCK; i++) {
    const c = i >= 148 && i < 156 ? 0x20 : blk[i]!;
    unsigned += BigInt(c);
    signed += BigInt(c > 127 ? c - 256 : c);
  }
  if (p.failed || (value !== unsigned && value !== signed)) return 'unknown';
  const magic = text(blk.subarray(257, 263));
  const version = text(blk.subarray(263, 265));
  const trailer = text(blk.subarray(508, 512));
  if (magic === 'ustar\0' && trailer === 'tar\0') return 'star';
  if (magic === 'ustar\0') return 'ustar';
  if (magic === 'ustar ' && version === ' \0') return 'gnu';
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
    let s = text(b.subarray(start, end));
    const nul = s.indexOf('\0');
    if (nul >= 0) s = s.slice(0, nul);
    if (!/^[0-7]+$/.test(s)) {
      this.failed = true;
      return 0n;
    }
    const x = BigInt('0o' + s);
    if (x >= 2n ** 64n) {
      this.failed = true;
      return BigInt.asIntN(64, 2n ** 64n - 1n);
    }
    return BigInt.asIntN(64, x);
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
  for (const [k, v] of pax) {
    if (v === '') continue;
    switch (k) {
      case 'uid':
      case 'gid':
        if (parseInt64(v) === undefined) fail();
        break;
      case 'atime':
      case 'mtime':
      case 'ctime':
        parsePAXTime(v);
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
  hdr.pax = pax;
}

function parsePAXTime(s: string): void {
  const dot = s.indexOf('.');
  const secs = dot < 0 ? s : s.slice(0, dot);
  if (parseInt64(secs) === undefined) fail();
  if (dot >= 0 && !/^[0-9]*$/.test(s.slice(dot + 1))) fail();
}

interface SparseEntry {
  offset: bigint;
  length: bigint;
}

function handleSparseFile(s: Stream, hdr: Header, blk: Uint8Array, dataSize: bigint): void {
  const spd = hdr.typeflag === TYPE_GNU_SPARSE ? readOldGNUSparseMap(s, hdr, blk) : readGNUSparsePAXHeaders(s, hdr, dataSize);
  if (spd !== undefined && (HEADER_ONLY.has(hdr.typeflag) || !validSparseEntries(spd, hdr.size))) fail();
}

function appendSparse(spd: SparseEntry[], e: SparseEntry): void {
  if (spd.length >= MAX_SPARSE_FILE_ENTRIES) fail();
  spd.push(e);
}

function readOldGNUSparseMap(s: Stream, hdr: Header, blk: Uint8Array): SparseEntry[] {
  if (getFormat(blk) !== 'gnu') fail();
  const p = new Parser();
  hdr.size = p.parseNumeric(blk.subarray(483, 495));
  if (p.failed) fail();
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
      arr = s.take(BLOCK);
      total += arr.length;
      continue;
    }
    return spd;
  }
  return fail();
}

function readGNUSparsePAXHeaders(s: Stream, hdr: Header, dataSize: bigint): SparseEntry[] | undefined {
  const rec = (k: string): string => hdr.pax?.get(k) ?? '';
  const major = rec('GNU.sparse.major');
  const minor = rec('GNU.sparse.minor');
  let is1x0: boolean;
  if (major === '0' && (minor === '0' || minor === '1')) is1x0 = false;
  else if (major === '1' && minor === '0') is1x0 = true;
  else if (major !== '' || minor !== '') return undefined;
  else if (rec('GNU.sparse.map') !== '') is1x0 = false;
  else return undefined;
  const size = rec('GNU.sparse.size') !== '' ? rec('GNU.sparse.size') : rec('GNU.sparse.realsize');
  if (size !== '') {
    const n = parseInt64(size);
    if (n === undefined) fail();
    hdr.size = n!;
  }
  return is1x0 ? readGNUSparseMap1x0(s, dataSize) : readGNUSparseMap0x1(hdr.pax!);
}

/** Version 1.0: newline-ended decimal fields at the start of the file's data, read a block at a time. */
function readGNUSparseMap1x0(s: Stream, dataSize: bigint): SparseEntry[] {
  let buf = '';
  let newlines = 0;
  let total = 0;
  let left = dataSize;
  const feed = (n: bigint): void => {
    while (BigInt(newlines) < n) {
      total += BLOCK;
      if (total > MAX_SPECIAL_FILE_SIZE) fail();
      // mustReadFull from the file's data: a whole block of it, all in the stream.
      if (left < BigInt(BLOCK)) fail();
      const b = text(s.take(BLOCK));
      left -= BigInt(BLOCK);
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
