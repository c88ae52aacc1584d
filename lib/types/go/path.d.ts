/** Go's path.Clean: lexical; no trailing slash except for the root; "" is ".". */
export declare function cleanPath(p: string): string;
/** Go's path.Join: empty elements are skipped and the result is cleaned. */
export declare function joinPath(...elems: string[]): string;
/** Go's path.Base. */
export declare function basePath(p: string): string;
/** Go's path.IsAbs. */
export declare function isAbsPath(p: string): boolean;
