/** Variable lookup (upstream's shell.EnvGetter). */
export interface EnvGetter {
    get(key: string): string | undefined;
    keys(): string[];
}
export interface ProcessWordResult {
    /** The expanded word (ProcessWord) or the words joined by a space. */
    result: string;
    /** The words after word splitting; upstream computes them on every call. */
    words: string[];
    /** Names of variables that were looked up and found. */
    matched: Set<string>;
    /** Names of variables that were referenced but not set. */
    unmatched: Set<string>;
}
