export declare class EnvList {
    private readonly entries;
    private constructor();
    static readonly empty: EnvList;
    /** Sets key=value, moving the key to the end as Go's AddOrReplace does. */
    set(key: string, value: string): EnvList;
    /** Sets key=value only when the key is absent. */
    setDefault(key: string, value: string): EnvList;
    delete(key: string): EnvList;
    get(key: string): string | undefined;
    keys(): string[];
    /** "KEY=value" strings in order. */
    toArray(): string[];
}
