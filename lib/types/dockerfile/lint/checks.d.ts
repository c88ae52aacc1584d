import type { LineRange } from '../errors.js';
import type { Command, Stage } from '../instructions/index.js';
import type { EnvGetter, ProcessWordResult } from '../shell/types.js';
import { type Platform } from '../../platform/platform.js';
import { type IgnoreMatcher } from './ignore.js';
import type { Linter } from './linter.js';
/** ReservedStageName and DuplicateStageName, stage by stage. */
export declare function validateStageNames(stages: readonly Stage[], lint: Linter): void;
/** ConsistentInstructionCasing: the majority casing wins, a tie means uppercase. */
export declare function validateCommandCasing(stages: readonly Stage[], lint: Linter): void;
/** UndefinedArgInFrom: a variable in FROM's image or --platform that no global ARG declares. */
export declare function reportUnusedFromArgs(declared: ReadonlySet<string>, unmatched: ReadonlySet<string>, location: LineRange | undefined, lint: Linter): void;
/** The names UndefinedArgInFrom accepts: every global ARG and every predefined arg. */
export declare function declaredFromArgs(globalArgs: EnvGetter, metaArgKeys: Iterable<string>): Set<string>;
/** RedundantTargetPlatform: `--platform=$TARGETPLATFORM` and nothing else. */
export declare function reportRedundantTargetPlatform(platformFlag: string, match: ProcessWordResult, location: LineRange | undefined, env: EnvGetter, lint: Linter): void;
/** FromPlatformFlagConstDisallowed: a constant --platform whose os/arch the stage name does not mention. */
export declare function reportConstPlatformDisallowed(stageName: string, match: ProcessWordResult, location: LineRange | undefined, lint: Linter): void;
/** MultipleInstructionsDisallowed bookkeeping for CMD, ENTRYPOINT and HEALTHCHECK in one stage. */
export interface InstructionTracker {
    location?: LineRange;
    isSet: boolean;
}
/** Reports the earlier instruction (the one that is overridden) and remembers this one. */
export declare function validateUsedOnce(c: Command, tracker: InstructionTracker, lint: Linter): void;
/** InvalidBaseImagePlatform: the image's os/arch is not the one asked for. */
export declare function validateBaseImagePlatform(name: string, expected: Platform, actual: Platform, location: LineRange | undefined, lint: Linter): void;
/** SecretsUsedInArgOrEnv for one ARG or ENV key. */
export declare function validateNoSecretKey(instruction: 'ARG' | 'ENV', key: string, location: LineRange | undefined, lint: Linter): void;
/** InvalidDefaultArgInFrom: with only ARG defaults, a base name that is not a valid reference. */
export declare function validateBaseImagesWithDefaultArgs(stages: readonly Stage[], expand: (word: string, env: EnvGetter) => ProcessWordResult, defaultsEnv: EnvGetter | undefined, lint: Linter): void;
/**
 * UndefinedVar: variables an expanded instruction used that are neither in
 * the environment nor declared with ARG in this stage.
 */
export declare function reportUnmatchedVariables(location: LineRange | undefined, declaredArgs: readonly {
    key: string;
}[], env: EnvGetter, unmatched: ReadonlySet<string>, lint: Linter): void;
/** WorkdirRelativePath, for the first WORKDIR a stage lineage sets. */
export declare function validateWorkdir(path: string, os: string, alreadySet: boolean, location: LineRange | undefined, lint: Linter): void;
/** LegacyKeyValueFormat, once per legacy pair, then SecretsUsedInArgOrEnv for ENV. */
export declare function validateKeyValuePairs(instruction: 'ENV' | 'LABEL', name: string, pairs: readonly {
    key: string;
    noDelim: boolean;
}[], location: LineRange | undefined, lint: Linter): void;
/**
 * CopyIgnoredFile for one local COPY/ADD source. Skipped when there is no
 * .dockerignore or it re-includes anything with `!` (too hard to decide
 * statically); `.` and `/` count only when a pattern ignores every root entry.
 */
export declare function validateCopySourcePath(src: string, isAdd: boolean, matcher: IgnoreMatcher | undefined, location: LineRange | undefined, lint: Linter): void;
