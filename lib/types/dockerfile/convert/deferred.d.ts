import { State } from '../../llb/index.js';
export declare class DeferredOutput {
    private target;
    private readonly proxy;
    constructor();
    private output;
    /** A state standing for the build context. */
    state(): State;
    resolve(st: State): void;
}
