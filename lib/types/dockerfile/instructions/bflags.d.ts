type FlagType = 'bool' | 'string' | 'strings';
export interface Flag {
    readonly name: string;
    readonly type: FlagType;
    /** For bool flags `"true"`/`"false"`; for string flags the value. */
    value: string;
    /** Every value of a repeatable (list) flag, in order. */
    values: string[];
}
export declare class BFlags {
    readonly args: readonly string[];
    private readonly flags;
    private readonly usedFlags;
    private setupError;
    /** Flag words as upstream's parser hands them over (quotes already processed). */
    constructor(args: readonly string[]);
    addBool(name: string, def: boolean): Flag;
    addString(name: string, def: string): Flag;
    /** A flag that may be given several times (e.g. `--mount`). */
    addStrings(name: string): Flag;
    private add;
    isUsed(name: string): boolean;
    /** Names of the flags that were given, in order of first use. */
    used(): string[];
    /** Reads the flag words into the declared flags; throws with upstream's message on misuse. */
    parse(): void;
}
export {};
