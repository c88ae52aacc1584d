import type * as llb from '../../llb/index.js';
import { DockerfileError, type LineRange } from '../errors.js';
import type { EnvGetter } from '../shell/types.js';
export declare const emptyEnv: EnvGetter;
/** Source locations for an op: one range per line of the instruction, character 0, as upstream's node locations. */
export declare function locationOf(sm: llb.SourceMap, r: LineRange | undefined): llb.SourceLocation[];
/** `errors.Wrap(err, prefix)`: the message gets a prefix, the locations stay. */
export declare function wrapError(err: unknown, prefix: string): DockerfileError;
/** The description upstream attaches to ops it creates for an instruction. */
export declare function dfCmd(code: string): {
    description: Record<string, string>;
};
