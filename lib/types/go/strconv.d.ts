/** The escape Go writes for code point `cp`, or null when it is kept as is. */
export declare function escapeRune(cp: number): string | null;
/** Go's strconv.Quote of a JS string; runs that need no escape are copied whole. */
export declare function goQuote(s: string): string;
/** Go's strconv.ParseBool; undefined when the text is not a boolean. */
export declare function parseGoBool(s: string): boolean | undefined;
/** Go's strconv.ParseUint(s, base, 32) for base 8 or 10; undefined on any error. */
export declare function parseGoUint32(s: string, base: 8 | 10): number | undefined;
/**
 * Go's strconv.ParseInt(s, 10, 32). Throws with Go's message, e.g.
 * `strconv.ParseInt: parsing "x": invalid syntax`.
 */
export declare function parseGoInt32(s: string): number;
/** Go's strconv.ParseInt(s, 10, 64). */
export declare function goParseInt64(s: string): bigint;
/** Go's strconv.ParseUint(s, 10, 64): no sign allowed. */
export declare function goParseUint64(s: string): bigint;
