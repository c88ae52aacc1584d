import type { LineRange } from '../errors.js';
export interface JsonPosition {
    line: number;
}
export interface JsonRange {
    start: JsonPosition;
    end: JsonPosition;
}
/** pb.Location as protojson prints it: zero values are left out. */
export interface JsonLocation {
    sourceIndex?: number;
    ranges?: JsonRange[];
}
export interface LintWarning {
    ruleName: string;
    description?: string;
    url?: string;
    detail?: string;
    location?: JsonLocation;
}
export interface LintSource {
    filename: string;
    /** The Dockerfile, base64. */
    data: string;
    language: string;
    /** The LLB definition of the Dockerfile's own source (protojson), when known. */
    definition?: unknown;
}
export interface LintBuildError {
    message: string;
    location: JsonLocation;
}
export interface LintResult {
    warnings: LintWarning[];
    sources: LintSource[];
    buildError?: LintBuildError;
}
export declare function toJsonLocation(sourceIndex: number, ranges: readonly LineRange[]): JsonLocation;
/** Upstream's mergeLocations: sort by first line and join overlapping ranges. */
export declare function mergeRanges(ranges: readonly LineRange[]): LineRange[];
/** The `result.json` text: Go's json.MarshalIndent with two spaces. */
export declare function resultToJson(result: LintResult): string;
/** Upstream's result.statuscode: 1 when anything was found or the build failed. */
export declare function resultStatusCode(result: LintResult): number;
