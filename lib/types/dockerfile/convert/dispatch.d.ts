import * as llb from '../../llb/index.js';
import type { CapSet } from '../../llb/caps.js';
import { ShellLex } from '../shell/index.js';
import type { LineRange } from '../errors.js';
import type { EnvGetter } from '../shell/types.js';
import type { ProxyEnv } from './args.js';
import type { EnvList } from './env.js';
import type { Platform } from './platform.js';
import type { DispatchState, DispatchStates, StageCommand } from './stage-state.js';
import type { Ulimit } from './frontend-opts.js';
import type { IgnoreMatcher } from '../lint/ignore.js';
import type { Linter } from '../lint/linter.js';
export interface DispatchContext {
    all: DispatchStates;
    globalArgs: EnvList;
    buildArgValues: Map<string, string>;
    shlex: ShellLex;
    buildContext: llb.State;
    proxyEnv: ProxyEnv | undefined;
    cacheIdNamespace: string;
    targetPlatform: Platform;
    extraHosts: {
        host: string;
        ip: string;
    }[];
    shmSize: number;
    cgroupParent: string;
    ulimits: Ulimit[];
    linuxResources: llb.LinuxResources | undefined;
    caps: CapSet;
    sourceMap: llb.SourceMap;
    epoch: string | undefined;
    /** The epoch in Unix nanoseconds (WORKDIR mkdir times). */
    epochUnixNano: bigint | undefined;
    lint: Linter;
    /** The build context's .dockerignore, for CopyIgnoredFile. */
    dockerIgnore?: IgnoreMatcher;
}
/** The state's environment as an EnvGetter for the shell lexer. */
export declare function stateEnv(state: llb.State): EnvGetter;
/** The stage's text for progress output, with variables expanded as far as known. */
export declare function processCmdEnv(lex: ShellLex, cmd: string, env: EnvGetter): string;
export declare function dispatchCommand(d: DispatchState, sc: StageCommand, opt: DispatchContext): void;
export declare function dispatchUser(d: DispatchState, user: string, commit: boolean, opt: DispatchContext): void;
/** WORKDIR (or the base image's WorkingDir when `commit` is false). */
export declare function dispatchWorkdir(d: DispatchState, path: string, code: string | undefined, location: LineRange | undefined, commit: boolean, opt: DispatchContext): void;
