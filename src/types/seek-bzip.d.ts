// The part of seek-bzip (CommonJS, no type declarations of its own) used by src/go/decompress.ts.
declare module 'seek-bzip' {
  interface OutputStream {
    writeByte(b: number): void;
  }
  const Bunzip: {
    /** Decodes `input` into `output`; with `multistream`, concatenated streams too. Throws on corrupt data. */
    decode(input: Buffer, output: OutputStream, multistream?: boolean): void;
  };
  export default Bunzip;
}
