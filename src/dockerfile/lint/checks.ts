// The checks the converter runs at fixed points of a build (upstream's
// dockerfile2llb/validations.go). Each takes what it needs and reports to a
// Linter; none of them changes the build.

import type { LineRange } from '../errors.ts';
import type { Command, Stage } from '../instructions/index.ts';
import { suggest } from '../instructions/suggest.ts';
import type { EnvGetter, ProcessWordResult } from '../shell/types.ts';
import { formatPlatformAll, normalizePlatform, parsePlatform, type Platform } from '../../platform/platform.ts';
import { parseNormalizedNamed } from '../../registry/reference.ts';
import { cleanPath } from '../../go/path.ts';
import { goEqualFold, goToLower, goToUpper } from '../../go/strings.ts';
import type { IgnoreMatcher } from './ignore.ts';
import type { Linter } from './linter.ts';
import * as rules from './rules.ts';
import { isAbsFor } from '../../platform/system-path.ts';

const RESERVED_STAGE_NAMES = new Set(['context', 'scratch']);

/** Build args that never become environment variables, so never "undefined". */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** ReservedStageName and DuplicateStageName, stage by stage. */
export function validateStageNames(stages: readonly Stage[], lint: Linter): void {
  const seen = new Set<string>();
  for (const st of stages) {
    if (st.name === '') continue;
    if (RESERVED_STAGE_NAMES.has(st.name)) lint.run(rules.ReservedStageName, st.location, st.name);
    if (seen.has(st.name)) lint.run(rules.DuplicateStageName, st.location, st.name);
    seen.add(st.name);
  }
}

function selfConsistent(s: string): boolean {
  return s === goToLower(s) || s === goToUpper(s);
}

/** ConsistentInstructionCasing: the majority casing wins, a tie means uppercase. */
export function validateCommandCasing(stages: readonly Stage[], lint: Linter): void {
  let lower = 0;
  let upper = 0;
  const count = (name: string): void => {
    if (!selfConsistent(name)) return;
    if (name === goToLower(name)) lower++;
    else upper++;
  };
  for (const st of stages) {
    count(st.origCmd);
    for (const c of st.commands) count(c.name);
  }
  const majorityLower = lower > upper;
  const check = (name: string, location: LineRange): void => {
    if (majorityLower && goToLower(name) !== name) lint.run(rules.ConsistentInstructionCasing, location, name, 'lowercase');
    else if (!majorityLower && goToUpper(name) !== name) lint.run(rules.ConsistentInstructionCasing, location, name, 'uppercase');
  };
  for (const st of stages) {
    check(st.origCmd, st.location);
    for (const c of st.commands) check(c.name, c.location);
  }
}

/** UndefinedArgInFrom: a variable in FROM's image or --platform that no global ARG declares. */
export function reportUnusedFromArgs(declared: ReadonlySet<string>, unmatched: ReadonlySet<string>, location: LineRange | undefined, lint: Linter): void {
  const keys = [...declared];
  for (const arg of unmatched) {
    if (declared.has(arg)) continue;
    lint.run(rules.UndefinedArgInFrom, location, arg, suggest(arg, keys, true) ?? '');
  }
}

/** The names UndefinedArgInFrom accepts: every global ARG and every predefined arg. */
export function declaredFromArgs(globalArgs: EnvGetter, metaArgKeys: Iterable<string>): Set<string> {
  return new Set([...metaArgKeys, ...globalArgs.keys()]);
}

/** RedundantTargetPlatform: `--platform=$TARGETPLATFORM` and nothing else. */
export function reportRedundantTargetPlatform(
  platformFlag: string,
  match: ProcessWordResult,
  location: LineRange | undefined,
  env: EnvGetter,
  lint: Linter,
): void {
  if (match.matched.size !== 1 || match.unmatched.size !== 0) return;
  if (!match.matched.has('TARGETPLATFORM')) return;
  if (match.result === (env.get('TARGETPLATFORM') ?? '')) lint.run(rules.RedundantTargetPlatform, location, platformFlag);
}

/** FromPlatformFlagConstDisallowed: a constant --platform whose os/arch the stage name does not mention. */
export function reportConstPlatformDisallowed(stageName: string, match: ProcessWordResult, location: LineRange | undefined, lint: Linter): void {
  if (match.matched.size > 0 || match.unmatched.size > 0) return;
  let p: Platform;
  try {
    p = parsePlatform(match.result);
  } catch {
    return;
  }
  if (stageName.includes(p.os) || stageName.includes(p.architecture)) return;
  lint.run(rules.FromPlatformFlagConstDisallowed, location, match.result);
}

/** MultipleInstructionsDisallowed bookkeeping for CMD, ENTRYPOINT and HEALTHCHECK in one stage. */
export interface InstructionTracker {
  location?: LineRange;
  isSet: boolean;
}

/** Reports the earlier instruction (the one that is overridden) and remembers this one. */
export function validateUsedOnce(c: Command, tracker: InstructionTracker, lint: Linter): void {
  if (tracker.isSet) lint.run(rules.MultipleInstructionsDisallowed, tracker.location, c.name);
  tracker.location = c.location;
  tracker.isSet = true;
}

/** InvalidBaseImagePlatform: the image's os/arch is not the one asked for. */
export function validateBaseImagePlatform(name: string, expected: Platform, actual: Platform, location: LineRange | undefined, lint: Linter): void {
  if (expected.os === actual.os && expected.architecture === actual.architecture) return;
  const want = formatPlatformAll(normalizePlatform(expected));
  const got = formatPlatformAll(normalizePlatform(actual));
  lint.run(rules.InvalidBaseImagePlatform, location, name, want, got);
}

const SECRET_WORDS = ['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'];
const ALLOWED_WORDS = ['public', 'file', 'version'];

/**
 * Whether a word of the key, between underscores, is one of `words`, case
 * folded as upstream's `(?i)(?:_|^)(?:word|...)(?:_|$)` regular expression
 * folds (Go's simple case folding: ſ is an s, U+212A a k).
 */
function hasWord(key: string, words: readonly string[]): boolean {
  for (const part of key.split('_')) if (words.some((w) => goEqualFold(part, w))) return true;
  return false;
}

/** SecretsUsedInArgOrEnv for one ARG or ENV key. */
export function validateNoSecretKey(instruction: 'ARG' | 'ENV', key: string, location: LineRange | undefined, lint: Linter): void {
  if (hasWord(key, SECRET_WORDS) && !hasWord(key, ALLOWED_WORDS)) lint.run(rules.SecretsUsedInArgOrEnv, location, instruction, key);
}

/** InvalidDefaultArgInFrom: with only ARG defaults, a base name that is not a valid reference. */
export function validateBaseImagesWithDefaultArgs(
  stages: readonly Stage[],
  expand: (word: string, env: EnvGetter) => ProcessWordResult,
  defaultsEnv: EnvGetter | undefined,
  lint: Linter,
): void {
  // Upstream gives up silently when the defaults themselves cannot be evaluated.
  if (defaultsEnv === undefined) return;
  for (const st of stages) {
    let result: string;
    try {
      result = expand(st.baseName, defaultsEnv).result;
    } catch {
      return;
    }
    try {
      parseNormalizedNamed(result);
    } catch {
      lint.run(rules.InvalidDefaultArgInFrom, st.location, st.baseName);
    }
  }
}

/**
 * UndefinedVar: variables an expanded instruction used that are neither in
 * the environment nor declared with ARG in this stage.
 */
export function reportUnmatchedVariables(
  location: LineRange | undefined,
  declaredArgs: readonly { key: string }[],
  env: EnvGetter,
  unmatched: ReadonlySet<string>,
  lint: Linter,
): void {
  if (unmatched.size === 0) return;
  const remaining = new Set(unmatched);
  for (const a of declaredArgs) remaining.delete(a.key);
  if (remaining.size === 0) return;
  const options = env.keys();
  for (const name of remaining) {
    if (NON_ENV_ARGS.has(name)) continue;
    lint.run(rules.UndefinedVar, location, name, suggest(name, options, true) ?? '');
  }
}

/** WorkdirRelativePath, for the first WORKDIR a stage lineage sets. */
export function validateWorkdir(path: string, os: string, alreadySet: boolean, location: LineRange | undefined, lint: Linter): void {
  if (alreadySet || isAbsFor(path, os)) return;
  lint.run(rules.WorkdirRelativePath, location, path);
}

/** LegacyKeyValueFormat, once per legacy pair, then SecretsUsedInArgOrEnv for ENV. */
export function validateKeyValuePairs(
  instruction: 'ENV' | 'LABEL',
  name: string,
  pairs: readonly { key: string; noDelim: boolean }[],
  location: LineRange | undefined,
  lint: Linter,
): void {
  for (const p of pairs) {
    if (p.noDelim) lint.run(rules.LegacyKeyValueFormat, location, name);
    if (instruction === 'ENV') validateNoSecretKey('ENV', p.key, location, lint);
  }
}

/**
 * CopyIgnoredFile for one local COPY/ADD source. Skipped when there is no
 * .dockerignore or it re-includes anything with `!` (too hard to decide
 * statically); `.` and `/` count only when a pattern ignores every root entry.
 */
export function validateCopySourcePath(
  src: string,
  isAdd: boolean,
  matcher: IgnoreMatcher | undefined,
  location: LineRange | undefined,
  lint: Linter,
): void {
  if (matcher === undefined || matcher.exclusions) return;
  const cleaned = cleanPath(src);
  if ((cleaned === '.' || cleaned === '/') && !matcher.ignoresContextRoot()) return;
  if (matcher.matchesOrParentMatches(cleaned)) lint.run(rules.CopyIgnoredFile, location, isAdd ? 'Add' : 'Copy', cleaned);
}
