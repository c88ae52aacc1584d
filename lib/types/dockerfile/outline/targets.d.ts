import type { TargetList } from '../../subrequests/targets.js';
/** Every stage as a target; the last is the default. Throws the parser's errors. */
export declare function listTargets(dockerfile: Uint8Array): TargetList;
