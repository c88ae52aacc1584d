import type { Definition } from './definition.js';
import type { State } from './state.js';
/** A position in a source file: 1-based line, 0-based character. */
export interface Position {
    readonly line: number;
    readonly character: number;
}
export interface Range {
    readonly start: Position;
    readonly end: Position;
}
/** A file that ops can point into. */
export declare class SourceMap {
    readonly filename: string;
    readonly language: string;
    readonly data: Uint8Array;
    /** The state that loads the file (marshaled into SourceInfo.definition). */
    readonly state?: State | undefined;
    /** An already marshaled definition of the loading state; used instead of `state`. */
    readonly definition?: Definition | undefined;
    constructor(filename: string, language: string, data: Uint8Array, 
    /** The state that loads the file (marshaled into SourceInfo.definition). */
    state?: State | undefined, 
    /** An already marshaled definition of the loading state; used instead of `state`. */
    definition?: Definition | undefined);
    /** A location for ConstraintsOptions.sourceLocations. */
    location(ranges: readonly Range[]): SourceLocation;
}
export interface SourceLocation {
    readonly sourceMap: SourceMap;
    readonly ranges: readonly Range[];
}
