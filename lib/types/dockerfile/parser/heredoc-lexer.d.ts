export interface LexMode {
    /** Keep quote characters in the output. */
    rawQuotes: boolean;
    /** Keep escape characters in the output. */
    rawEscapes: boolean;
}
export declare class LexError extends Error {
}
/** Splits `text` into words (upstream's ProcessWords with SkipUnsetEnv and no variables). */
export declare function lexWords(text: string, mode: LexMode): string[];
