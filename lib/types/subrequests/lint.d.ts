import { type GoJSON } from '../go/json.js';
import { type Request, type SourceLocation, type SubrequestResult } from './types.js';
export declare const REQUEST_LINT = "frontend.lint";
export declare const lintDefinition: Request;
export interface LintWarning {
    ruleName: string;
    description: string;
    url: string;
    detail: string;
    location: SourceLocation;
}
/** pb.SourceInfo. */
export interface LintSourceInfo {
    filename: string;
    data: Uint8Array;
    /** The source's pb.Definition already in encoding/json form; omitted when undefined. */
    definition?: GoJSON;
    language: string;
}
export interface LintBuildError {
    message: string;
    location: SourceLocation;
}
export interface LintResults {
    warnings: LintWarning[];
    sources: LintSourceInfo[];
    buildError?: LintBuildError;
}
export declare function lintResultsJSON(r: LintResults): GoJSON;
/**
 * A source excerpt around the ranges (upstream's errdefs.Source.Print), as a
 * byte string (one char per byte): the source lines are written unchanged.
 */
export declare function printSourceExcerpt(info: LintSourceInfo, ranges: SourceLocation['ranges']): string;
/** The text of the warnings (upstream's PrintLintViolations), as bytes. */
export declare function printLintViolations(r: LintResults): Uint8Array;
/** result.json, result.txt, result.statuscode and version (upstream's LintResults.ToResult). */
export declare function lintResult(r: LintResults): SubrequestResult;
