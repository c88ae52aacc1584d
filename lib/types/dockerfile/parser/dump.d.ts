import type { RawNode } from './arguments.js';
import type { ParseResult } from './ast.js';
export declare function rememberRawNodes(result: ParseResult, nodes: RawNode[]): void;
/** The dump of a whole file, without a final newline (as upstream's Dump()). */
export declare function dump(result: ParseResult): string;
