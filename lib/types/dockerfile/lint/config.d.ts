export interface CheckConfig {
    skipAll: boolean;
    skipRules: string[];
    experimentalAll: boolean;
    experimentalRules: string[];
    /** `error=true`: a fired rule fails the build after dispatch. */
    returnAsError: boolean;
}
export declare const BUILD_ARG_CHECK = "BUILDKIT_DOCKERFILE_CHECK";
export declare function emptyCheckConfig(): CheckConfig;
/** Parses a check option string; throws with upstream's wording on a bad option. */
export declare function parseCheckOptions(input: string): CheckConfig;
/**
 * The configuration a build starts with: the build arg when it is set
 * (it replaces the directive entirely), else the `# check=` directive.
 */
export declare function resolveCheckConfig(dockerfile: string | Uint8Array, buildArgs: Record<string, string> | undefined): CheckConfig;
