/** Throws `invalid signal: x` unless `raw` is a non-zero number or a known name. */
export declare function validateSignal(raw: string): void;
