/** Levenshtein distance over code points, unit costs (agext/levenshtein defaults). */
export declare function levenshtein(a: string, b: string): number;
/**
 * The closest option within distance 2, or undefined. An exact match means
 * the error is not about spelling, so it also gives undefined. Upstream walks
 * Go maps here, so among equally close options its pick is arbitrary; this
 * takes the first in `options` order.
 */
export declare function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | undefined;
/** `message` with ` (did you mean X?)` appended when a close option exists. */
export declare function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string;
