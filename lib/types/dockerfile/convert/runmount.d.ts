import * as llb from '../../llb/index.js';
import type { RunCommand } from '../instructions/types.js';
import type { EnvGetter } from '../shell/types.js';
import type { DispatchContext } from './dispatch.js';
import type { DispatchState } from './stage-state.js';
export interface RunMounts {
    mounts: llb.RunMount[];
    secrets: llb.RunSecret[];
    ssh: llb.RunSSH[];
}
export declare function dispatchRunMounts(d: DispatchState, c: RunCommand, sources: DispatchState[], opt: DispatchContext): RunMounts;
/** The env for progress names, with secret env values shown as `****`. */
export declare function withSecretEnvMask(c: RunCommand, env: EnvGetter): EnvGetter;
