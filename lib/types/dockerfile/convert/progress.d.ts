import type { EnvGetter } from '../shell/types.js';
import { type Platform } from './platform.js';
/** The counters of one stage that prefixes depend on. */
export interface ProgressCounter {
    stageName: string;
    cmdTotal: number;
    cmdIndex: number;
    cmdIsOnBuild: boolean;
}
export declare function prefixCommand(ds: ProgressCounter, str: string, prefixPlatform: boolean, platform: Platform | undefined, env: EnvGetter): string;
/** Upper-cases the first word (the instruction keyword). */
export declare function uppercaseCmd(str: string): string;
/** First line of a heredoc body, with `...` when there are more. */
export declare function summarizeHeredoc(doc: string): string;
export declare function internalName(name: string): string;
