// The part of seek-bzip 2.0.0 (CommonJS, no type declarations of its own)
// used by src/go/decompress.ts: its decoder, driven a block at a time as its
// own `decode` drives it, and the state a decoded block is written out from.
declare module 'seek-bzip' {
  /** seek-bzip's stream: `read` (from its prototype) reads through `readByte`. */
  class Stream {
    readByte(): number;
    read(buffer: Uint8Array, offset: number, length: number): number;
    seek(pos: number): void;
  }
  interface CRC32 {
    updateCRCRun(value: number, count: number): void;
    getCRC(): number;
  }
  /** A block read by _init_block, before _read_bunzip writes it out. */
  export interface Block {
    dbuf: Uint32Array;
    writePos: number;
    writeCurrent: number;
    writeCount: number;
    writeRun: number;
    blockCRC: CRC32;
    targetBlockCRC: number;
  }
  interface Bunzip extends Block {
    reader: { read(bits: number): number };
    streamCRC: number;
    /** Reads the next block; false at the stream's end marker. Throws on corrupt data. */
    _init_block(): boolean;
    /** Reads a stream's header ("BZh" and the level). */
    _start_bunzip(input: Stream, output: Stream): void;
  }
  const Bunzip: {
    new (input: Stream, output: Stream): Bunzip;
    Stream: new () => Stream;
  };
  export default Bunzip;
}
