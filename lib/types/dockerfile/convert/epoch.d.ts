import * as llb from '../../llb/index.js';
import type { Stage } from '../instructions/index.js';
import type { ShellLex } from '../shell/index.js';
import type { EnvList } from './env.js';
import { type LoadEnv } from './named-context.js';
import type { ConvertOptions, SourceTime } from './types.js';
/**
 * Resolves a non-integer SOURCE_DATE_EPOCH `v` (upstream's
 * resolveSourceDateEpochState + resolveSourceDateEpochFromState). Returns
 * undefined when the source has no time (a local context, an image, a
 * source made of several ops).
 */
export declare function resolveSourceDateEpoch(v: string, opt: ConvertOptions, stages: Stage[], globalArgs: EnvList, buildArgs: Map<string, string>, shlex: ShellLex, mainContext: () => llb.State, loadEnv: LoadEnv): Promise<SourceTime | undefined>;
/** Go's time.Format(RFC3339Nano) of the source time, in its own offset. */
export declare function formatSourceTime(t: SourceTime): string;
