import { type GoJSON } from '../go/json.js';
import { type Request, type SourceLocation, type SubrequestResult } from './types.js';
export declare const REQUEST_OUTLINE = "frontend.outline";
export declare const outlineDefinition: Request;
export interface OutlineArg {
    name: string;
    description: string;
    value: string;
    location?: SourceLocation;
}
export interface OutlineSecret {
    name: string;
    required: boolean;
    location?: SourceLocation;
}
export type OutlineSSH = OutlineSecret;
export interface OutlineCacheMount {
    id: string;
    location?: SourceLocation;
}
export interface Outline {
    name: string;
    description: string;
    args: OutlineArg[];
    secrets: OutlineSecret[];
    ssh: OutlineSSH[];
    cache: OutlineCacheMount[];
    /** The Dockerfile bytes. */
    sources: Uint8Array[];
}
/** The Outline struct as encoding/json writes it (every field omitempty). */
export declare function outlineJSON(o: Outline): GoJSON;
/** The human-readable outline (upstream's PrintOutline). */
export declare function printOutline(o: Outline): string;
/** result.json, result.txt and version of an outline (upstream's Outline.ToResult). */
export declare function outlineResult(o: Outline): SubrequestResult;
