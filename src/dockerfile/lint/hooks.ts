// Glue between the linter and the stages that report to it: the parse-time
// hook of the instructions stage, and per-stage bookkeeping the converter's
// dispatch needs (kept here so the converter's stage record stays lint-free).

import type { InstructionLinter } from '../instructions/index.ts';
import type { ParseWarning } from '../parser/index.ts';
import type { InstructionTracker } from './checks.ts';
import type { Linter } from './linter.ts';
import * as rules from './rules.ts';

/** The instructions stage's hook, reporting to `lint` with each instruction's `# check=` comment applied. */
export function instructionLinter(lint: Linter): InstructionLinter {
  return (event, node) => {
    const l = lint.withCommentConfig(node.prevComment);
    switch (event.rule) {
      case 'MaintainerDeprecated':
        l.run(rules.MaintainerDeprecated, { start: node.startLine, end: node.endLine });
        return;
      case 'StageNameCasing':
        l.run(rules.StageNameCasing, { start: node.startLine, end: node.endLine }, event.stageName);
        return;
      case 'FromAsCasing':
        l.run(rules.FromAsCasing, { start: node.startLine, end: node.endLine }, event.fromKeyword, event.asKeyword);
        return;
      case 'InvalidDefinitionDescription':
        l.run(rules.InvalidDefinitionDescription, { start: node.startLine, end: node.endLine }, event.instruction, event.exampleKey);
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

/** Which of CMD/ENTRYPOINT/HEALTHCHECK a stage has set, and where (MultipleInstructionsDisallowed). */
export interface StageTrackers {
  cmd: InstructionTracker;
  entrypoint: InstructionTracker;
  healthcheck: InstructionTracker;
}

const trackers = new WeakMap<object, StageTrackers>();

/** The trackers of one dispatch state (created on first use; not inherited from a base stage). */
export function stageTrackers(stage: object): StageTrackers {
  let t = trackers.get(stage);
  if (t === undefined) {
    t = { cmd: { isSet: false }, entrypoint: { isSet: false }, healthcheck: { isSet: false } };
    trackers.set(stage, t);
  }
  return t;
}
