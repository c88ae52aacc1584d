import * as llb from '../../llb/index.js';
import type { LineRange } from '../errors.js';
import type { SourcesAndDest } from '../instructions/types.js';
import type { DispatchContext } from './dispatch.js';
import type { DispatchState } from './stage-state.js';
import type { IgnoreMatcher } from '../lint/ignore.js';
export interface CopyConfig {
    params: SourcesAndDest;
    excludePatterns: string[];
    source: llb.State;
    isAddCommand: boolean;
    code: string;
    chown: string;
    chmod: string;
    link: boolean;
    keepGitDir: boolean | undefined;
    checksum: string;
    unpack: boolean | undefined;
    parents: boolean;
    location: LineRange;
    /** The build context's .dockerignore (local sources of the build context only), for CopyIgnoredFile. */
    ignoreMatcher?: IgnoreMatcher;
    opt: DispatchContext;
}
export declare function dispatchCopy(d: DispatchState, cfg: CopyConfig): void;
