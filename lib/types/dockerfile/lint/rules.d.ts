export interface Rule<A extends unknown[] = unknown[]> {
    readonly name: string;
    readonly description: string;
    /** Documentation link; empty for the one rule without a page. */
    readonly url: string;
    /** Experimental rules run only when enabled with `experimental=`. */
    readonly experimental: boolean;
    readonly format: (...args: A) => string;
}
export declare const StageNameCasing: Rule<[stageName: string]>;
export declare const FromAsCasing: Rule<[fromKeyword: string, asKeyword: string]>;
export declare const NoEmptyContinuation: Rule<[]>;
export declare const ConsistentInstructionCasing: Rule<[command: string, majority: "lowercase" | "uppercase"]>;
export declare const DuplicateStageName: Rule<[stageName: string]>;
export declare const ReservedStageName: Rule<[stageName: string]>;
export declare const JSONArgsRecommended: Rule<[instruction: string]>;
export declare const MaintainerDeprecated: Rule<[]>;
export declare const UndefinedArgInFrom: Rule<[arg: string, suggestion: string]>;
export declare const WorkdirRelativePath: Rule<[workdir: string]>;
export declare const UndefinedVar: Rule<[name: string, suggestion: string]>;
export declare const MultipleInstructionsDisallowed: Rule<[instruction: string]>;
export declare const LegacyKeyValueFormat: Rule<[instruction: string]>;
export declare const InvalidBaseImagePlatform: Rule<[image: string, expected: string, actual: string]>;
export declare const RedundantTargetPlatform: Rule<[platform: string]>;
export declare const SecretsUsedInArgOrEnv: Rule<[instruction: string, key: string]>;
export declare const InvalidDefaultArgInFrom: Rule<[baseName: string]>;
export declare const FromPlatformFlagConstDisallowed: Rule<[platform: string]>;
export declare const CopyIgnoredFile: Rule<[command: "Add" | "Copy", file: string]>;
export declare const InvalidDefinitionDescription: Rule<[instruction: string, name: string]>;
export declare const ExposeProtoCasing: Rule<[port: string]>;
export declare const ExposeInvalidFormat: Rule<[port: string]>;
/** Every rule, in upstream's declaration order. */
export declare const ALL_RULES: readonly Rule<never[]>[];
