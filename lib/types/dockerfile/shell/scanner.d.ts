/** End of input, as text/scanner reports it. */
export declare const EOF = -1;
export declare class RuneScanner {
    private readonly src;
    private pos;
    private ch;
    constructor(src: string);
    /** The next code point without consuming it, or EOF. */
    peek(): number;
    /** Consumes and returns the next code point, or EOF. */
    next(): number;
    /**
     * Consumes the peeked code point and the code points after it while they
     * are single UTF-16 units (not surrogates) for which `plain` holds, and
     * returns them as one string. The peeked one must satisfy `plain`; returns
     * '' (consuming nothing) when it is not such a unit. The lexer uses this to
     * copy runs of ordinary characters at once instead of one at a time.
     */
    takeRun(plain: (unit: number) => boolean): string;
    private read;
}
/** Go's string(rune): invalid runes (EOF included) become U+FFFD. */
export declare function runeString(ch: number): string;
