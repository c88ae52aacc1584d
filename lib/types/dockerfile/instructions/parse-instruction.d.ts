import type { InstructionNode } from '../parser/ast.js';
import type { InstructionLinter } from './lint-hooks.js';
import type { Command, Instruction } from './types.js';
export interface ParseInstructionOptions {
    /**
     * Not used: flag words reach this stage already unquoted and unescaped by
     * the parser (as upstream's do). Accepted so callers may pass it along.
     */
    escapeToken?: string;
    /** Receives the build checks upstream runs during instruction parsing. */
    lint?: InstructionLinter;
}
/** Every instruction keyword, lower-case, in upstream's (alphabetical) command list order. */
export declare const instructionNames: readonly ['add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label', 'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir'];
/**
 * Converts one instruction node into a stage start (FROM) or a command.
 * Throws a DockerfileError located at the instruction, with upstream's text.
 */
export declare function parseInstruction(node: InstructionNode, opts?: ParseInstructionOptions): Instruction;
/** Like parseInstruction, but FROM is an error (upstream's ParseCommand, used for ONBUILD triggers). */
export declare function parseCommand(node: InstructionNode, opts?: ParseInstructionOptions): Command;
