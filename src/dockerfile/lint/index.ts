// Build checks (upstream's linter package); the lint subrequest that runs
// them over a whole conversion is convert/lint.ts.

export * as rules from './rules.ts';
export { ALL_RULES, type Rule } from './rules.ts';
export { BUILD_ARG_CHECK, emptyCheckConfig, parseCheckOptions, resolveCheckConfig, type CheckConfig } from './config.ts';
export { Linter, type LintWarnFunc } from './linter.ts';
export * as checks from './checks.ts';
export { IgnoreMatcher } from './ignore.ts';
export { instructionLinter, reportParseWarnings } from './hooks.ts';
export { resultStatusCode, resultToJson, type LintResult, type LintWarning } from './results.ts';
