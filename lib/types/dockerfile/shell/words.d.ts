export interface WordBuffer {
    text: string;
}
export declare class WordSplitter {
    private readonly buf;
    private readonly words;
    private inWord;
    constructor(buf: WordBuffer);
    /** An unquoted character: white space ends the current word. */
    addChar(ch: number): void;
    /** A character that never splits (escaped or quoted). */
    addRawChar(ch: number): void;
    /** Expanded variable text: split on white space. */
    addString(s: string): void;
    /** Quoted text: kept whole, and marks a word as started even if empty. */
    addRawString(s: string): void;
    /** The words so far, flushing the one in progress. */
    finish(): string[];
}
