// Subrequests (`requestid` frontend opt): request descriptions and the
// rendering of each answer as result metadata (result.json, result.txt,
// version), byte for byte as BuildKit's Dockerfile frontend writes them.

export type { Named, Request, SourceLocation, SourceRange, SubrequestResult } from './types.ts';
export { linesLocation, locationJSON, requestJSON } from './types.ts';
export {
  REQUEST_OUTLINE,
  outlineDefinition,
  outlineJSON,
  outlineResult,
  printOutline,
  type Outline,
  type OutlineArg,
  type OutlineCacheMount,
  type OutlineSecret,
  type OutlineSSH,
} from './outline.ts';
export { REQUEST_TARGETS, targetsDefinition, targetListJSON, targetsResult, printTargets, type Target, type TargetList } from './targets.ts';
export { REQUEST_DESCRIBE, describeDefinition, describeResult, dockerfileRequests, printDescribe } from './describe.ts';
export {
  REQUEST_LINT,
  lintDefinition,
  lintResult,
  lintResultsJSON,
  printLintViolations,
  printSourceExcerpt,
  type LintBuildError,
  type LintResults,
  type LintSourceInfo,
  type LintWarning,
} from './lint.ts';
export { REQUEST_CONVERT_LLB, convertLLBDefinition, convertLLBResult } from './convertllb.ts';
