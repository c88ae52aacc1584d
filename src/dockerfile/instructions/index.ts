// Typed Dockerfile instructions: the stage between the parser's AST and the
// converter (upstream's frontend/dockerfile/instructions package).

export type * from './types.ts';
export type { WordExpander, WordsExpander } from './expand-types.ts';
export type { InstructionLintEvent, InstructionLinter } from './lint-hooks.ts';
export { parseInstruction, parseCommand, instructionNames, type ParseInstructionOptions } from './parse-instruction.ts';
export { parseStages, findStage, InstructionParseError, type ParsedStages, type ParseStagesOptions } from './stages.ts';
export {
  expandCommand,
  expandCommandRaw,
  expandExposePorts,
  supportsExpansion,
  supportsRawExpansion,
  type ExpandableCommand,
} from './expand.ts';
export { parseMount } from './run-mount.ts';
export { parseDevice } from './run-device.ts';
export { parseBuildStageName } from './parse-stage.ts';
export { BFlags, type Flag } from './bflags.ts';
export { suggest, withSuggestion, levenshtein } from './suggest.ts';
export { parseHeredocWord, chompHeredocContent, type HeredocWord } from './heredoc-word.ts';
