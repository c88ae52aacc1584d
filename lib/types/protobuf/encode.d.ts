import type { MessageDesc } from './registry.js';
import { Writer } from './writer.js';
/** Encodes a message of the given type. */
export declare function encodeMessage<T>(desc: MessageDesc<T>, msg: T): Uint8Array;
/** Writes a message's fields (no tag or length) into `w`; for hand-written encoders of enclosing messages. */
export declare function writeMessage<T>(w: Writer, desc: MessageDesc<T>, msg: T): void;
/** Sorts string map keys in place into Go's deterministic order (UTF-8 byte order). */
export declare function sortStringKeys(keys: string[]): string[];
/**
 * Go compares string map keys as UTF-8 bytes. That is code-unit order
 * (JavaScript's default sort) unless a surrogate pair meets U+E000..U+FFFF.
 */
export declare function compareUtf8(a: string, b: string): number;
