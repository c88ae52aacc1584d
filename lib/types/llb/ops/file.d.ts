import type { Constraints } from '../constraints.js';
import { LLBError } from '../errors.js';
import { Output } from '../vertex.js';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.js';
/** What a file action needs of the state it is bound to (State implements it). */
export interface FileBase {
    output(): Output | undefined;
    getDir(): string;
}
/** A user or group: by numeric id, or by name looked up in the action's base filesystem. */
export type UserRef = {
    readonly uid: number;
} | {
    readonly name: string;
};
/** Ownership for created or copied files. */
export interface ChownOption {
    readonly user?: UserRef;
    readonly group?: UserRef;
}
/** A creation time: a Date, or nanoseconds since the epoch. */
export type CreatedTime = Date | bigint;
export interface MkdirOptions {
    readonly makeParents?: boolean;
    readonly chown?: ChownOption;
    readonly createdTime?: CreatedTime;
}
export interface MkfileOptions {
    readonly chown?: ChownOption;
    readonly createdTime?: CreatedTime;
}
export interface SymlinkOptions {
    readonly chown?: ChownOption;
    readonly createdTime?: CreatedTime;
}
export interface RmOptions {
    readonly allowNotFound?: boolean;
    readonly allowWildcard?: boolean;
}
export interface CopyOptions {
    /** Permission bits (number) or a chmod-style mode string such as "u+x" (FileActionCopy.modeStr). */
    readonly mode?: number | string;
    readonly chown?: ChownOption;
    readonly followSymlinks?: boolean;
    readonly copyDirContentsOnly?: boolean;
    readonly includePatterns?: readonly string[];
    readonly excludePatterns?: readonly string[];
    readonly requiredPaths?: readonly string[];
    readonly attemptUnpack?: boolean;
    readonly createDestPath?: boolean;
    readonly allowWildcard?: boolean;
    readonly allowEmptyWildcard?: boolean;
    readonly createdTime?: CreatedTime;
    readonly alwaysReplaceExistingDestPaths?: boolean;
}
type SubAction = {
    readonly kind: 'mkdir';
    readonly path: string;
    readonly mode: number;
    readonly opts: MkdirOptions;
} | {
    readonly kind: 'mkfile';
    readonly path: string;
    readonly mode: number;
    readonly data: Uint8Array;
    readonly opts: MkfileOptions;
} | {
    readonly kind: 'rm';
    readonly path: string;
    readonly opts: RmOptions;
} | {
    readonly kind: 'symlink';
    readonly oldpath: string;
    readonly newpath: string;
    readonly opts: SymlinkOptions;
} | {
    readonly kind: 'copy';
    readonly source: CopySource;
    readonly src: string;
    readonly dest: string;
    readonly opts: CopyOptions;
};
/** Where a copy reads from: a state, or the result of another action chain bound to a state. */
export type CopySource = {
    readonly kind: 'state';
    readonly base: FileBase;
} | {
    readonly kind: 'actions';
    readonly action: FileAction;
};
/**
 * A chain of file actions. Each method returns a new chain ending in the new
 * action; `State.file(chain)` binds the whole chain to that state.
 */
export declare class FileAction {
    readonly action: SubAction;
    readonly prev: FileAction | undefined;
    /** The state the chain is bound to; set by State.file or withState. */
    readonly base: FileBase | undefined;
    /** @internal */
    constructor(action: SubAction, prev: FileAction | undefined, 
    /** The state the chain is bound to; set by State.file or withState. */
    base: FileBase | undefined);
    mkdir(path: string, mode: number, opts?: MkdirOptions): FileAction;
    mkfile(path: string, mode: number, data: Uint8Array | string, opts?: MkfileOptions): FileAction;
    rm(path: string, opts?: RmOptions): FileAction;
    symlink(oldpath: string, newpath: string, opts?: SymlinkOptions): FileAction;
    copy(from: FileBase | BoundFileAction, src: string, dest: string, opts?: CopyOptions): FileAction;
    /** This chain bound to `state`, usable as the source of a copy. */
    withState(state: FileBase): BoundFileAction;
    /** A copy of the chain with every action bound to `state` (Go's FileAction.bind). */
    bind(state: FileBase): FileAction;
}
/** A file action chain bound to a state, as a copy source (Go's FileAction.WithState). */
export declare class BoundFileAction {
    readonly action: FileAction;
    constructor(action: FileAction);
}
export declare function mkdir(path: string, mode: number, opts?: MkdirOptions): FileAction;
export declare function mkfile(path: string, mode: number, data: Uint8Array | string, opts?: MkfileOptions): FileAction;
export declare function rm(path: string, opts?: RmOptions): FileAction;
export declare function symlink(oldpath: string, newpath: string, opts?: SymlinkOptions): FileAction;
export declare function copy(from: FileBase | BoundFileAction, src: string, dest: string, opts?: CopyOptions): FileAction;
/**
 * Ownership from "user[:group]" as Go's llb.WithUser parses it: "root" and
 * 32-bit integers are ids, anything else a name.
 */
export declare function chownFromString(spec: string): ChownOption;
export declare class FileOp implements Vertex {
    private readonly action;
    private readonly constraints;
    /** @internal Marshal memoisation (see Vertex). */
    marshalCtx: MarshalContext | undefined;
    /** @internal */
    marshaled: MarshaledVertex | undefined;
    /** @internal */
    walkCtx: MarshalContext | undefined;
    readonly output: Output;
    constructor(action: FileAction, constraints: Constraints);
    /** Go's allOutputs: the chain walked from its last action back to its first. */
    inputs(): readonly Output[];
    marshalUncached(ctx: MarshalContext): MarshaledVertex;
}
/** Raised by State.file when given nothing to do. */
export declare function noActionError(): LLBError;
export {};
