// A growable byte buffer with the protobuf wire primitives.

const encoder = new TextEncoder();

const SLAB_SIZE = 1 << 16;
let slab = new Uint8Array(SLAB_SIZE);
let slabPos = 0;

/** The number of bytes the unsigned varint of `v` takes. */
function varintSize(v: number): number {
  let k = 1;
  while (v > 0x7f) {
    v = Math.floor(v / 0x80);
    k++;
  }
  return k;
}

/** The unsigned varint bytes of a non-negative number below 2^53 (for messages put together by hand). */
export function varintBytes(v: number): number[] {
  const out: number[] = [];
  while (v > 0x7f) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

/**
 * Go's protobuf refuses to marshal a proto3 string field holding bytes that
 * are no UTF-8 (in our strings: a lone surrogate, see go/kept-bytes.ts).
 */
export class InvalidUTF8Error extends Error {
  constructor() {
    super('string field contains invalid UTF-8');
  }
}

/** Whether a string has a UTF-8 form (no lone surrogate). */
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

export class Writer {
  private buf: Uint8Array;
  private pos = 0;

  /**
   * @param strictUTF8 fail, as Go's marshal does, on a string field that is no
   * UTF-8 (otherwise each lone surrogate is written as U+FFFD)
   */
  constructor(
    initial = 256,
    private readonly strictUTF8 = false,
  ) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** An unsigned varint of a non-negative number below 2^53. */
  uvarint(v: number): void {
    this.ensure(10);
    while (v > 0x7f) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  /** A varint of any 64-bit value; negatives are two's complement (10 bytes), as Go writes them. */
  varint64(v: bigint | number): void {
    if (typeof v === 'number') {
      if (v >= 0 && Number.isSafeInteger(v)) return this.uvarint(v);
      if (v < 0 && v >= -0x80000000 && Number.isInteger(v)) return this.negativeInt32(v);
      v = BigInt(v);
    }
    let u = BigInt.asUintN(64, v);
    this.ensure(10);
    while (u > 0x7fn) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  /** A negative 32-bit integer as Go writes it: sign-extended to 64 bits, 10 bytes (no BigInt). */
  private negativeInt32(v: number): void {
    this.ensure(10);
    const buf = this.buf;
    let lo = v >>> 0;
    let hi = 0xffffffff;
    while (hi !== 0) {
      buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    while (lo > 0x7f) {
      buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo >>>= 7;
    }
    buf[this.pos++] = lo;
  }

  tag(no: number, wireType: number): void {
    this.uvarint(no * 8 + wireType);
  }

  fixed32(v: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
  }

  fixed64(v: bigint): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setBigUint64(this.pos, BigInt.asUintN(64, v), true);
    this.pos += 8;
  }

  float32(v: number): void {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.pos, v, true);
    this.pos += 4;
  }

  float64(v: number): void {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** Length-prefixed bytes. */
  bytes(b: Uint8Array): void {
    this.uvarint(b.length);
    this.raw(b);
  }

  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** Length-prefixed UTF-8; ASCII is copied directly (one pass), the common case for LLB. */
  string(s: string): void {
    const n = s.length;
    this.uvarint(n);
    this.ensure(n);
    const buf = this.buf;
    const start = this.pos;
    if (n >= 32) {
      // Long strings (digests, paths): the native encoder, into exactly n bytes; it
      // fills them all, reading all n units, only when every character is ASCII.
      const r = encoder.encodeInto(s, buf.subarray(start, start + n));
      if (r.read === n && r.written === n) {
        this.pos = start + n;
        return;
      }
      this.pos = start - varintSize(n);
      this.utf8(s);
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        // Not ASCII: take the length back and write the UTF-8 bytes instead.
        this.pos = start - varintSize(n);
        this.utf8(s);
        return;
      }
      buf[start + i] = c;
    }
    this.pos = start + n;
  }

  private utf8(s: string): void {
    if (this.strictUTF8 && !wellFormed(s)) throw new InvalidUTF8Error();
    this.bytes(encoder.encode(s));
  }

  get length(): number {
    return this.pos;
  }

  /** Starts a length-delimited section; pass the result to `join` when it is written. */
  fork(): number {
    this.ensure(1);
    return this.pos++;
  }

  /**
   * Ends a section started by `fork`: writes its length in front of it. One
   * byte was reserved, which fits lengths below 128; longer sections are moved.
   */
  join(start: number): void {
    const len = this.pos - start - 1;
    if (len < 0x80) {
      this.buf[start] = len;
      return;
    }
    let k = 1;
    for (let v = len; v >= 0x80; v = Math.floor(v / 0x80)) k++;
    this.ensure(k - 1);
    this.buf.copyWithin(start + k, start + 1, this.pos);
    this.pos += k - 1;
    let v = len;
    let i = start;
    while (v >= 0x80) {
      this.buf[i++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[i] = v;
  }

  /** Forgets what was written, keeping the buffer for reuse. */
  reset(): void {
    this.pos = 0;
  }

  /**
   * The bytes written so far, for a writer that is not used again: a view of
   * the buffer when little of it is unused, else a copy.
   */
  take(): Uint8Array {
    if (this.pos * 4 >= this.buf.length * 3) return this.buf.subarray(0, this.pos);
    return this.buf.slice(0, this.pos);
  }

  /**
   * A copy of the bytes written so far, in a slab shared with other results
   * (many small results, one backing store each, weigh on the garbage collector).
   */
  finishPooled(): Uint8Array {
    const n = this.pos;
    if (n > SLAB_SIZE / 8) return this.finish();
    if (slabPos + n > SLAB_SIZE) {
      slab = new Uint8Array(SLAB_SIZE);
      slabPos = 0;
    }
    const out = slab.subarray(slabPos, slabPos + n);
    out.set(this.buf.subarray(0, n));
    // Keep views 8-byte aligned, as separately allocated arrays would be.
    slabPos += (n + 7) & ~7;
    return out;
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
