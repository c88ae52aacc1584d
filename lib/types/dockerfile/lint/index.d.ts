export * as rules from './rules.js';
export { ALL_RULES, type Rule } from './rules.js';
export { BUILD_ARG_CHECK, emptyCheckConfig, parseCheckOptions, resolveCheckConfig, type CheckConfig } from './config.js';
export { Linter, type LintWarnFunc } from './linter.js';
export * as checks from './checks.js';
export { IgnoreMatcher, readIgnoreFile } from './ignore.js';
export { instructionLinter, reportParseWarnings } from './hooks.js';
export { lintDockerfile, type LintOptions } from './lint.js';
export { resultStatusCode, resultToJson, type LintResult, type LintWarning } from './results.js';
