import type { LineRange } from '../errors.js';
export interface ArgInfo {
    key: string;
    docComment: string;
    /** Empty when the ARG has no value. */
    value: string;
    /** The args the default was computed from (meta ARGs only). */
    deps: Set<string>;
    location: LineRange | undefined;
}
export interface MountInfo {
    required: boolean;
    location: LineRange | undefined;
}
export declare class OutlineCapture {
    readonly allArgs: Map<string, ArgInfo>;
    readonly usedArgs: Set<string>;
    readonly secrets: Map<string, MountInfo>;
    readonly ssh: Map<string, MountInfo>;
    constructor(allArgs?: Map<string, ArgInfo>, usedArgs?: Set<string>, secrets?: Map<string, MountInfo>, ssh?: Map<string, MountInfo>);
    clone(): OutlineCapture;
    /** Marks as used the args the used ones were computed from. */
    markAllUsed(keys: Iterable<string>, visited: Set<string>): void;
    /** The first mount of a secret or ssh id is the one the outline shows. */
    addMount(kind: 'secrets' | 'ssh', id: string, required: boolean, location: LineRange | undefined): void;
}
