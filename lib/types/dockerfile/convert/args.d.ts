import type { ArgCommand } from '../instructions/types.js';
import { EnvList } from './env.js';
import type { ArgInfo } from './outline-capture.js';
import { type Platform, type PlatformOpt } from './platform.js';
/** The automatic global args (BUILDPLATFORM ... TARGETSTAGE) and their values, in upstream's order. */
export declare function automaticArgs(bp: Platform, tp: Platform, target: string): [string, string][];
/** The automatic global args, each overridable by a build arg. */
export declare function defaultArgs(po: PlatformOpt, overrides: ReadonlyMap<string, string>, target: string): EnvList;
export type WordExpander = (word: string, env: EnvList) => {
    result: string;
    matched: ReadonlySet<string>;
};
/**
 * Evaluates the ARGs before the first FROM in order; build args win over
 * defaults. Also returns each ARG's outline record (the args its default read).
 */
export declare function buildMetaArgs(args: EnvList, argCommands: ArgCommand[], buildArgs: ReadonlyMap<string, string>, expand: WordExpander): {
    args: EnvList;
    allArgs: Map<string, ArgInfo>;
};
export interface ProxyEnv {
    httpProxy?: string;
    httpsProxy?: string;
    ftpProxy?: string;
    noProxy?: string;
    allProxy?: string;
}
/** Proxy build args (any case; in sorted key order, so later keys win). */
export declare function proxyEnvFromBuildArgs(buildArgs: ReadonlyMap<string, string>): ProxyEnv | undefined;
/** Whether an SBOM scan build arg (`true`/`false` or stage list) covers a stage. */
export declare function isEnabledForStage(stage: string, value: string): boolean;
