export type { Named, Request, SourceLocation, SourceRange, SubrequestResult } from './types.js';
export { linesLocation, locationJSON, requestJSON } from './types.js';
export { REQUEST_OUTLINE, outlineDefinition, outlineJSON, outlineResult, printOutline, type Outline, type OutlineArg, type OutlineCacheMount, type OutlineSecret, type OutlineSSH, } from './outline.js';
export { REQUEST_TARGETS, targetsDefinition, targetListJSON, targetsResult, printTargets, type Target, type TargetList } from './targets.js';
export { REQUEST_DESCRIBE, describeDefinition, describeResult, dockerfileRequests, printDescribe } from './describe.js';
export { REQUEST_LINT, lintDefinition, lintResult, lintResultsJSON, printLintViolations, printSourceExcerpt, type LintBuildError, type LintResults, type LintSourceInfo, type LintWarning, } from './lint.js';
export { REQUEST_CONVERT_LLB, convertLLBDefinition, convertLLBResult } from './convertllb.js';
