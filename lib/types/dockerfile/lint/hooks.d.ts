import type { InstructionLinter } from '../instructions/index.js';
import type { ParseWarning } from '../parser/index.js';
import type { Linter } from './linter.js';
/** The instructions stage's hook, reporting to `lint` with each instruction's `# check=` comment applied. */
export declare function instructionLinter(lint: Linter): InstructionLinter;
/** NoEmptyContinuation for the parser's warnings (the only kind it emits). */
export declare function reportParseWarnings(warnings: readonly ParseWarning[], lint: Linter): void;
