/** Longest line, without its \n, that bufio.Scanner's default buffer holds. */
export declare const MAX_LINE_BYTES = 65535;
export declare class LineScanner {
    readonly source: string;
    /** The current line, including its \n if it has one. */
    line: string;
    /** Offset just after the current line. */
    offset: number;
    tooLong: boolean;
    constructor(source: string);
    next(): boolean;
}
