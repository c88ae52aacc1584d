import type { EnvGetter } from '../shell/types.js';
export declare class EnvList implements EnvGetter {
    private readonly values;
    constructor(entries?: Iterable<[string, string]>);
    get(key: string): string | undefined;
    has(key: string): boolean;
    keys(): string[];
    entries(): [string, string][];
    /** A new list with k=v moved to the end. */
    addOrReplace(k: string, v: string): EnvList;
    delete(k: string): EnvList;
    toArray(): string[];
}
