import { DockerfileError } from '../errors.js';
import type { ParseResult } from '../parser/ast.js';
import type { InstructionLinter } from './lint-hooks.js';
import type { ArgCommand, Stage } from './types.js';
/**
 * An instruction that failed to parse. Upstream prefixes these (and only
 * these) with `dockerfile parse error on line N: `; `detail` is the bare text.
 */
export declare class InstructionParseError extends DockerfileError {
    readonly detail: string;
    constructor(detail: string, line: number, ranges: DockerfileError['ranges']);
}
export interface ParsedStages {
    stages: Stage[];
    /** ARG instructions before the first FROM. */
    metaArgs: ArgCommand[];
}
export interface ParseStagesOptions {
    lint?: InstructionLinter;
}
/** Groups a parsed Dockerfile into stages; stops at the first error, in source order. */
export declare function parseStages(ast: ParseResult, opts?: ParseStagesOptions): ParsedStages;
/** The index of the stage with this name, compared case-insensitively (upstream's HasStage); -1 if none. */
export declare function findStage(stages: readonly Stage[], name: string): number;
