// Typed Dockerfile instructions: the stage between the parser's AST and the
// converter (upstream's frontend/dockerfile/instructions package).

export type * from './types.ts';
export type { WordExpander, WordsExpander } from './expand-types.ts';
export type { InstructionLintEvent, InstructionLinter } from './lint-hooks.ts';
export { parseInstruction, parseCommand, type ParseInstructionOptions } from './parse-instruction.ts';
export { parseStages, checkInstructions, findStage, InstructionParseError, type ParsedStages, type ParseStagesOptions } from './stages.ts';
export {
  commandSyntax,
  expandCommand,
  expandCommandRaw,
  instructionNames,
  supportsExpansion,
  supportsRawExpansion,
  syntaxOf,
  type CommandOf,
  type CommandSyntax,
  type ExpandableCommand,
} from './table.ts';
export { expandExposePorts } from './expand.ts';
export { parseMount } from './run-mount.ts';
export { parseDevice } from './run-device.ts';
export { parseBuildStageName } from './parse-stage.ts';
export { BFlags, type Flag } from './bflags.ts';
export { suggest, withSuggestion, levenshtein } from './suggest.ts';
export { parseHeredocWord, chompHeredocContent, type HeredocWord } from './heredoc-word.ts';
