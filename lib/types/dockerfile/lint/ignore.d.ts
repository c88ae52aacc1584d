import { cleanPath } from '../../go/path.js';
export { cleanPath };
/** The patterns of a .dockerignore file, normalized as the build context loader does. */
export declare function readIgnoreFile(text: string): string[];
export declare class IgnoreMatcher {
    private readonly patterns;
    /** True when any pattern is a `!` exclusion. */
    readonly exclusions: boolean;
    constructor(patterns: readonly string[]);
    /** Whether any non-exclusion pattern is one that ignores every root entry. */
    ignoresContextRoot(): boolean;
    /** The path, or one of its parent directories, is ignored (and not re-included later). */
    matchesOrParentMatches(file: string): boolean;
}
