/** A pattern or substitution failure, with upstream's message. */
export declare class SubstitutionError extends Error {
}
/** ${VAR#p} (shortest) and ${VAR##p} (greedy): drop a matching prefix. */
export declare function trimPrefix(pattern: string, value: string, greedy: boolean): string;
/**
 * ${VAR%p} and ${VAR%%p}. A leftmost search cannot pick the shortest
 * rightmost match, so, like upstream, both pattern and value are reversed
 * and the prefix is trimmed instead (error texts then show the reversed
 * pattern, as upstream's do).
 */
export declare function trimSuffix(pattern: string, value: string, greedy: boolean): string;
/** ${VAR/p/r} and ${VAR//p/r}; `*` is always greedy here. */
export declare function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string;
