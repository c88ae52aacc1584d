import type { Directive } from './ast.js';
export type DirectiveKey = 'syntax' | 'escape' | 'check';
/** One directive found in byte-string form (name lower-cased). */
export interface RawDirective {
    name: DirectiveKey;
    value: string;
    line: number;
}
/**
 * Line-by-line directive recogniser with upstream's quirks: every call counts
 * a line (so `line` is the 1-based line number of the text it was fed), and
 * once a non-directive line is seen it never matches again.
 */
export declare class DirectiveScanner {
    private readonly commentPrefix;
    private line;
    private done;
    private readonly seen;
    constructor(commentPrefix?: string, firstLine?: number);
    get finished(): boolean;
    /** Returns the directive on this line, or null; throws on a repeated key. */
    scan(line: string): RawDirective | null;
}
/** Converts a directive found by the scanner to the AST's form. */
export declare function toDirective(d: RawDirective): Directive;
/** The escape characters a Dockerfile may choose. */
export declare function checkEscapeToken(value: string): '\\' | '`';
export interface DetectedDirective {
    /** First word of the value (for `syntax`: the frontend image reference). */
    value: string;
    /** The whole value (for `syntax`: the frontend's command line). */
    cmdline: string;
    location: Directive['location'];
}
/**
 * Finds a directive the way the frontend does before parsing (upstream's
 * DetectSyntax / ParseDirective): a leading BOM and `#!` shebang line are
 * skipped; with `anyFormat`, `// key=…` lines and a JSON document
 * `{"key": "…"}` are accepted too.
 */
export declare function findDirective(key: DirectiveKey, input: string | Uint8Array, anyFormat?: boolean): DetectedDirective | null;
