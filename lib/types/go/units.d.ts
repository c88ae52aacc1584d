/** Bytes for a size like `64m`, `1.5GiB` or `512`; undefined when unparsable. */
export declare function ramInBytes(text: string): number | undefined;
