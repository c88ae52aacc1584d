import type { ParseResult } from './ast.js';
/** Upstream's trimNewline: drops every trailing \r and \n. */
export declare function trimNewline(s: string): string;
/** A comment line: `#` is its first non-blank character. */
export declare function isComment(s: string): boolean;
/**
 * Removes a line-continuation escape: the escape token followed only by
 * spaces or tabs at the end, unless another escape token precedes it
 * (upstream's regex `([^\X])\X[ \t]*$|^\X[ \t]*$`). Null when the line does
 * not continue.
 */
export declare function stripContinuation(s: string, escapeToken: number): string | null;
/**
 * Parses a Dockerfile exactly as BuildKit v0.32.2's parser does. Throws a
 * DockerfileError (with upstream's text and line range) for a user mistake.
 */
export declare function parse(input: string | Uint8Array): ParseResult;
