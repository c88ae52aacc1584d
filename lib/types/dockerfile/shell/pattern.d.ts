/** `?`: any single rune except a newline. */
export declare const ANY = -1;
/** `*`: any run of runes without a newline. */
export declare const STAR = -2;
export interface ShellPattern {
    /** Literal code points (>= 0), ANY or STAR. */
    readonly items: Int32Array;
    /** Whether `*` prefers the longest run (`.*`) or the shortest (`.*?`). */
    readonly greedy: boolean;
}
/** A pattern upstream's converter rejects; the message is upstream's. */
export declare class PatternError extends Error {
}
/**
 * Compiles a pattern. The backslash escapes `*`, `?` and itself (whatever the
 * Dockerfile's escape character is); before `}` or `/` it is dropped, since
 * there it only protected the delimiter of ${}.
 */
export declare function compileShellPattern(pattern: string, greedy: boolean): ShellPattern;
/**
 * Reverses a pattern for suffix matching, keeping each `\x` pair in order
 * (a\*c becomes c\*a).
 */
export declare function reversePattern(pattern: string): string;
/** Reverses a string by code points. */
export declare function reverseString(s: string): string;
