export interface GitRef {
    /** The repository URL without query and fragment. */
    remote: string;
    ref: string;
    checksum: string;
    subDir: string;
    /** `github.com/x/y`-style refs, which COPY/ADD treat as local paths. */
    indistinguishableFromLocal: boolean;
    keepGitDir: boolean | undefined;
    submodules: boolean | undefined;
    mtime: string;
    fetchByCommit: boolean;
}
/**
 * Parses a git reference. Returns undefined when `src` is not a git
 * reference; throws when it is one but its options are invalid.
 */
export declare function parseGitRef(src: string): GitRef | undefined;
export declare function isGitSource(src: string): boolean;
export declare function isHTTPSource(src: string): boolean;
