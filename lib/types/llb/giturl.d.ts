export interface GitURL {
    readonly scheme: string;
    readonly host: string;
    readonly path: string;
    /** The URL without query and fragment. */
    readonly remote: string;
}
export type GitURLResult = {
    ok: true;
    url: GitURL;
} | {
    ok: false;
    reason: 'unknown-protocol' | 'invalid-protocol' | 'invalid-url';
};
export declare function parseGitURL(remote: string): GitURLResult;
