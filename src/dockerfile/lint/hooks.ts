// Glue between the linter and the stages that report to it: the parse-time
// hook of the instructions stage and the parser's warnings.

import type { InstructionLinter } from '../instructions/index.ts';
import type { InstructionNode, ParseWarning } from '../parser/index.ts';
import type { LineRange } from '../errors.ts';
import type { Linter } from './linter.ts';
import * as rules from './rules.ts';

/** An instruction's lines as the parse-time rules report them (in the included file it comes from, if any). */
function linesOf(node: InstructionNode): LineRange {
  return node.file === undefined ? { start: node.startLine, end: node.endLine } : { start: node.startLine, end: node.endLine, file: node.file };
}

/** The instructions stage's hook, reporting to `lint` with each instruction's `# check=` comment applied. */
export function instructionLinter(lint: Linter): InstructionLinter {
  return (event, node) => {
    const l = lint.withCommentConfig(node.prevComment);
    switch (event.rule) {
      case 'MaintainerDeprecated':
        l.run(rules.MaintainerDeprecated, linesOf(node));
        return;
      case 'StageNameCasing':
        l.run(rules.StageNameCasing, linesOf(node), event.stageName);
        return;
      case 'FromAsCasing':
        l.run(rules.FromAsCasing, linesOf(node), event.fromKeyword, event.asKeyword);
        return;
      case 'InvalidDefinitionDescription':
        l.run(rules.InvalidDefinitionDescription, linesOf(node), event.instruction, event.exampleKey);
        return;
    }
  };
}

/** NoEmptyContinuation for the parser's warnings (the only kind it emits). */
export function reportParseWarnings(warnings: readonly ParseWarning[], lint: Linter): void {
  for (const w of warnings) {
    if (w.url !== rules.NoEmptyContinuation.url) continue;
    lint.run(rules.NoEmptyContinuation, w.location === undefined ? [] : [w.location]);
  }
}
