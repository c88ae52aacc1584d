export declare class TabWriter {
    private readonly padding;
    private out;
    private lines;
    private cellText;
    private widths;
    constructor(padding: number);
    write(s: string): void;
    /** Flushes and returns everything written so far. */
    flush(): string;
    private terminateCell;
    private flushLines;
    private format;
    private writeLines;
}
