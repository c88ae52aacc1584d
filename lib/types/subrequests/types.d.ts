import { type GoJSON } from '../go/json.js';
export interface Named {
    name: string;
    description?: string;
}
/** What `frontend.subrequests.describe` lists for each request. */
export interface Request {
    name: string;
    version: string;
    type: 'rpc';
    description: string;
    /** Undefined is Go's nil slice (written `null`); `[]` is an empty one. */
    opts?: Named[];
    inputs?: Named[];
    metadata?: Named[];
    refs?: Named[];
}
/** A subrequest's answer: the result's metadata entries, in the order upstream adds them. */
export interface SubrequestResult {
    metadata: Map<string, Uint8Array>;
}
export declare function namedListJSON(list: Named[] | undefined): GoJSON;
export declare function requestJSON(r: Request): GoJSON;
/** A 1-based inclusive line range; `start`/`end` characters are 0 for Dockerfile locations. */
export interface SourceRange {
    start: {
        line: number;
        character?: number;
    };
    end: {
        line: number;
        character?: number;
    };
}
/** pb.Location as encoding/json writes it (every field omitempty). */
export interface SourceLocation {
    sourceIndex?: number;
    ranges: SourceRange[];
}
export declare function locationJSON(l: SourceLocation): GoJSON;
/**
 * An instruction's lines as a location: one range per line, as upstream's
 * parser.Node.Location (toRanges) gives them; undefined for none.
 */
export declare function linesLocation(ranges: readonly {
    start: number;
    end: number;
}[]): SourceLocation | undefined;
export declare function utf8(s: string): Uint8Array;
/** result.json (MarshalIndent with two spaces), result.txt, version — upstream's ToResult order. */
export declare function textResult(json: GoJSON, txt: string, version: string, extra?: [string, string][]): SubrequestResult;
