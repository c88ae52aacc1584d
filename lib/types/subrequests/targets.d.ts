import { type GoJSON } from '../go/json.js';
import { type Request, type SourceLocation, type SubrequestResult } from './types.js';
export declare const REQUEST_TARGETS = "frontend.targets";
export declare const targetsDefinition: Request;
export interface Target {
    name: string;
    /** True for the last stage. */
    default: boolean;
    description: string;
    /** The FROM image or stage, unexpanded. */
    base: string;
    /** The `--platform` flag text, unexpanded. */
    platform: string;
    location?: SourceLocation;
}
export interface TargetList {
    /** Undefined is Go's nil slice (no stages), written `null`. */
    targets: Target[] | undefined;
    sources: Uint8Array[];
}
export declare function targetListJSON(l: TargetList): GoJSON;
/** The human-readable target table (upstream's PrintTargets). */
export declare function printTargets(l: TargetList): string;
/** result.json, result.txt and version of a target list (upstream's List.ToResult). */
export declare function targetsResult(l: TargetList): SubrequestResult;
