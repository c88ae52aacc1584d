/**
 * BuildKit's system.NormalizePath for non-Windows platforms: joins a relative
 * path to its parent, optionally keeping a trailing `/` or `/.`.
 */
export declare function normalizePath(parent: string, newPath: string, keepSlash: boolean): string;
/**
 * The sorted context paths a build uses, relative to the context root, or
 * undefined when the whole context (`/`) is needed or nothing is.
 */
export declare function normalizeContextPaths(paths: Iterable<string>): string[] | undefined;
/** Byte-wise string order, as Go's sort uses (code-unit order differs only for astral chars). */
export declare function compareStrings(a: string, b: string): number;
