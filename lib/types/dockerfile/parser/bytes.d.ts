/** Turns Dockerfile input into a byte string. */
export declare function toByteString(input: string | Uint8Array): string;
/** Decodes a byte string as UTF-8 (invalid sequences become U+FFFD). */
export declare function fromByteString(s: string): string;
/** Encodes a JS string as a byte string (UTF-8). */
export declare function utf8ByteString(s: string): string;
/** U+FFFD as UTF-8 bytes: what Go writes for an undecodable byte. */
export declare const REPLACEMENT_BYTES = "\u00EF\u00BF\u00BD";
/**
 * Width of the rune decoded by `decodeRune` (Go's utf8.DecodeRuneInString);
 * a module variable so the hot loops allocate nothing.
 */
export declare let runeWidth: number;
/**
 * Decodes the UTF-8 rune at byte offset `i` as Go does: invalid or truncated
 * sequences, overlongs, surrogates and values above U+10FFFF give U+FFFD
 * with width 1. Sets `runeWidth`.
 */
export declare function decodeRune(s: string, i: number): number;
/**
 * Start offset of the last rune ending at `end` (Go's
 * utf8.DecodeLastRuneInString): an invalid tail counts as one byte.
 */
export declare function lastRuneStart(s: string, end: number): number;
/** Go's unicode.IsSpace. */
export declare function isSpaceRune(r: number): boolean;
/** Go's unicode.IsSpace applied to a single byte taken as a rune. */
export declare function isSpaceByte(b: number): boolean;
/** Offset of the first rune that is not a Unicode space (Go's TrimLeftFunc). */
export declare function skipSpaces(s: string, from: number): number;
/** Go's bytes.TrimLeftFunc(s, unicode.IsSpace). */
export declare function trimLeftSpace(s: string): string;
/** Go's strings.TrimSpace (Unicode white space, rune-decoded). */
export declare function trimSpace(s: string): string;
/** Index of the first run of Go's `[\t\v\f\r ]+` at or after `from`, or -1. */
export declare function indexOfAsciiBlank(s: string, from: number): number;
/** True for the bytes of Go's `[\t\v\f\r ]`. */
export declare function isAsciiBlank(c: number): boolean;
/**
 * Go's `regexp.MustCompile("[\t\v\f\r ]+").Split(s, -1)`; JS's split with
 * the same pattern keeps the same leading and trailing empty pieces.
 */
export declare function splitAsciiBlanks(s: string): string[];
/**
 * Decodes a byte string rune by rune as Go does (each undecodable byte is
 * its own U+FFFD), giving an ordinary JS string.
 */
export declare function goDecode(s: string): string;
