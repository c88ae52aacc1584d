// The 22 build-check rules of BuildKit v0.32.2 (linter/ruleset.go): names,
// descriptions, documentation links, and how each one words its finding.
// Each rule's `format` takes exactly the values the rule reports.

import { goQuote } from '../../go/strconv.ts';

export interface Rule<A extends unknown[] = unknown[]> {
  readonly name: string;
  readonly description: string;
  /** Documentation link; empty for the one rule without a page. */
  readonly url: string;
  /** Experimental rules run only when enabled with `experimental=`. */
  readonly experimental: boolean;
  readonly format: (...args: A) => string;
}

const DOCS = 'https://docs.docker.com/go/dockerfile/rule/';

function rule<A extends unknown[]>(
  name: string,
  page: string,
  description: string,
  format: (...args: A) => string,
  experimental = false,
): Rule<A> {
  return { name, description, url: page === '' ? '' : `${DOCS}${page}/`, experimental, format };
}

const didYouMean = (suggestion: string, prefix = ''): string =>
  suggestion === '' ? '' : ` (did you mean ${prefix}${suggestion}?)`;

export const StageNameCasing = rule(
  'StageNameCasing',
  'stage-name-casing',
  'Stage names should be lowercase',
  (stageName: string) => `Stage name '${stageName}' should be lowercase`,
);

export const FromAsCasing = rule(
  'FromAsCasing',
  'from-as-casing',
  "The 'as' keyword should match the case of the 'from' keyword",
  (fromKeyword: string, asKeyword: string) => `'${asKeyword}' and '${fromKeyword}' keywords' casing do not match`,
);

export const NoEmptyContinuation = rule(
  'NoEmptyContinuation',
  'no-empty-continuation',
  'Empty continuation lines will become errors in a future release',
  () => 'Empty continuation line',
);

export const ConsistentInstructionCasing = rule(
  'ConsistentInstructionCasing',
  'consistent-instruction-casing',
  'All commands within the Dockerfile should use the same casing (either upper or lower)',
  (command: string, majority: 'lowercase' | 'uppercase') =>
    `Command '${command}' should match the case of the command majority (${majority})`,
);

export const DuplicateStageName = rule(
  'DuplicateStageName',
  'duplicate-stage-name',
  'Stage names should be unique',
  (stageName: string) => `Duplicate stage name ${goQuote(stageName)}, stage names should be unique`,
);

export const ReservedStageName = rule(
  'ReservedStageName',
  'reserved-stage-name',
  'Reserved words should not be used as stage names',
  (stageName: string) => `Stage name should not use the same name as reserved stage ${goQuote(stageName)}`,
);

export const JSONArgsRecommended = rule(
  'JSONArgsRecommended',
  'json-args-recommended',
  'JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals',
  (instruction: string) => `JSON arguments recommended for ${instruction} to prevent unintended behavior related to OS signals`,
);

export const MaintainerDeprecated = rule(
  'MaintainerDeprecated',
  'maintainer-deprecated',
  'The MAINTAINER instruction is deprecated, use a label instead to define an image author',
  () => 'Maintainer instruction is deprecated in favor of using label',
);

export const UndefinedArgInFrom = rule(
  'UndefinedArgInFrom',
  'undefined-arg-in-from',
  'FROM command must use declared ARGs',
  (arg: string, suggestion: string) => `FROM argument '${arg}' is not declared${didYouMean(suggestion)}`,
);

export const WorkdirRelativePath = rule(
  'WorkdirRelativePath',
  'workdir-relative-path',
  'Relative workdir without an absolute workdir declared within the build can have unexpected results if the base image changes',
  (workdir: string) => `Relative workdir ${goQuote(workdir)} can have unexpected results if the base image changes`,
);

export const UndefinedVar = rule(
  'UndefinedVar',
  'undefined-var',
  'Variables should be defined before their use',
  (name: string, suggestion: string) => `Usage of undefined variable '$${name}'${didYouMean(suggestion, '$')}`,
);

export const MultipleInstructionsDisallowed = rule(
  'MultipleInstructionsDisallowed',
  'multiple-instructions-disallowed',
  'Multiple instructions of the same type should not be used in the same stage',
  (instruction: string) =>
    `Multiple ${instruction} instructions should not be used in the same stage because only the last one will be used`,
);

export const LegacyKeyValueFormat = rule(
  'LegacyKeyValueFormat',
  'legacy-key-value-format',
  'Legacy key/value format with whitespace separator should not be used',
  (instruction: string) => `"${instruction} key=value" should be used instead of legacy "${instruction} key value" format`,
);

export const InvalidBaseImagePlatform = rule(
  'InvalidBaseImagePlatform',
  '',
  'Base image platform does not match expected target platform',
  (image: string, expected: string, actual: string) =>
    `Base image ${image} was pulled with platform ${goQuote(actual)}, expected ${goQuote(expected)} for current build`,
);

export const RedundantTargetPlatform = rule(
  'RedundantTargetPlatform',
  'redundant-target-platform',
  'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior',
  (platform: string) => `Setting platform to predefined ${platform} in FROM is redundant as this is the default behavior`,
);

export const SecretsUsedInArgOrEnv = rule(
  'SecretsUsedInArgOrEnv',
  'secrets-used-in-arg-or-env',
  'Sensitive data should not be used in the ARG or ENV commands',
  (instruction: string, key: string) => `Do not use ARG or ENV instructions for sensitive data (${instruction} ${goQuote(key)})`,
);

export const InvalidDefaultArgInFrom = rule(
  'InvalidDefaultArgInFrom',
  'invalid-default-arg-in-from',
  'Default value for global ARG results in an empty or invalid base image name',
  (baseName: string) => `Default value for ARG ${baseName} results in empty or invalid base image name`,
);

export const FromPlatformFlagConstDisallowed = rule(
  'FromPlatformFlagConstDisallowed',
  'from-platform-flag-const-disallowed',
  'FROM --platform flag should not use a constant value',
  (platform: string) => `FROM --platform flag should not use constant value ${goQuote(platform)}`,
);

export const CopyIgnoredFile = rule(
  'CopyIgnoredFile',
  'copy-ignored-file',
  'Attempting to Copy file that is excluded by .dockerignore',
  (command: 'Copy' | 'Add', file: string) => `Attempting to ${command} file ${goQuote(file)} that is excluded by .dockerignore`,
);

export const InvalidDefinitionDescription = rule(
  'InvalidDefinitionDescription',
  'invalid-definition-description',
  'Comment for build stage or argument should follow the format: `# <arg/stage name> <description>`. ' +
    'If this is not intended to be a description comment, add an empty line or comment between the instruction and the comment.',
  (instruction: string, name: string) => `Comment for ${instruction} should follow the format: \`# ${name} <description>\``,
  true,
);

export const ExposeProtoCasing = rule(
  'ExposeProtoCasing',
  'expose-proto-casing',
  'Protocol in EXPOSE instruction should be lowercase',
  (port: string) => `Defined protocol '${port}' in EXPOSE instruction should be lowercase`,
);

export const ExposeInvalidFormat = rule(
  'ExposeInvalidFormat',
  'expose-invalid-format',
  'IP address and host-port mapping should not be used in EXPOSE instruction. This will become an error in a future release',
  (port: string) => `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'`,
);

/** Every rule, in upstream's declaration order. */
export const ALL_RULES: readonly Rule<never[]>[] = [
  StageNameCasing,
  FromAsCasing,
  NoEmptyContinuation,
  ConsistentInstructionCasing,
  DuplicateStageName,
  ReservedStageName,
  JSONArgsRecommended,
  MaintainerDeprecated,
  UndefinedArgInFrom,
  WorkdirRelativePath,
  UndefinedVar,
  MultipleInstructionsDisallowed,
  LegacyKeyValueFormat,
  InvalidBaseImagePlatform,
  RedundantTargetPlatform,
  SecretsUsedInArgOrEnv,
  InvalidDefaultArgInFrom,
  FromPlatformFlagConstDisallowed,
  CopyIgnoredFile,
  InvalidDefinitionDescription,
  ExposeProtoCasing,
  ExposeInvalidFormat,
] as unknown as readonly Rule<never[]>[];
