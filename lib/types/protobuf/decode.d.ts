import type { MessageDesc } from './registry.js';
export declare class DecodeError extends Error {
}
/** Decodes bytes as a message of the given type. */
export declare function decodeMessage<T>(desc: MessageDesc<T>, bytes: Uint8Array): T;
