import { type GoJSON } from '../go/json.js';
import { type Request, type SubrequestResult } from './types.js';
export declare const REQUEST_CONVERT_LLB = "frontend.convertllb";
export declare const convertLLBDefinition: Request;
/**
 * The result; `json` is {def, metadata, source} in upstream's field order,
 * map keys (digests) sorted as Go's encoder sorts them.
 */
export declare function convertLLBResult(json: GoJSON): SubrequestResult;
