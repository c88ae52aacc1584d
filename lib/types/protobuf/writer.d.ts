export declare class Writer {
    private buf;
    private pos;
    constructor(initial?: number);
    private ensure;
    /** An unsigned varint of a non-negative number below 2^53. */
    uvarint(v: number): void;
    /** A varint of any 64-bit value; negatives are two's complement (10 bytes), as Go writes them. */
    varint64(v: bigint | number): void;
    /** A negative 32-bit integer as Go writes it: sign-extended to 64 bits, 10 bytes (no BigInt). */
    private negativeInt32;
    tag(no: number, wireType: number): void;
    fixed32(v: number): void;
    fixed64(v: bigint): void;
    float32(v: number): void;
    float64(v: number): void;
    /** Length-prefixed bytes. */
    bytes(b: Uint8Array): void;
    raw(b: Uint8Array): void;
    /** Length-prefixed UTF-8; ASCII is copied directly (one pass), the common case for LLB. */
    string(s: string): void;
    get length(): number;
    /** Starts a length-delimited section; pass the result to `join` when it is written. */
    fork(): number;
    /**
     * Ends a section started by `fork`: writes its length in front of it. One
     * byte was reserved, which fits lengths below 128; longer sections are moved.
     */
    join(start: number): void;
    /** Forgets what was written, keeping the buffer for reuse. */
    reset(): void;
    /**
     * The bytes written so far, for a writer that is not used again: a view of
     * the buffer when little of it is unused, else a copy.
     */
    take(): Uint8Array;
    /**
     * A copy of the bytes written so far, in a slab shared with other results
     * (many small results, one backing store each, weigh on the garbage collector).
     */
    finishPooled(): Uint8Array;
    /** A copy of the bytes written so far. */
    finish(): Uint8Array;
}
