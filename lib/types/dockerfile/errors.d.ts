/** A 1-based, inclusive line range (upstream's parser.Range, character 0). */
export interface LineRange {
    start: number;
    end: number;
}
export declare class DockerfileError extends Error {
    /** Every location this error is about, innermost first; may be empty. */
    readonly ranges: LineRange[];
    constructor(message: string, ranges?: LineRange[]);
    /** First line this error points at, or 0 when it has no location. */
    get line(): number;
}
/** Adds a location to an error (upstream's parser.WithLocation). */
export declare function withLocation(err: unknown, range: LineRange): DockerfileError;
