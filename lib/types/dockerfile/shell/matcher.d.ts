import type { ShellPattern } from './pattern.js';
/** A match as UTF-16 offsets into the searched string: [start, end). */
export type MatchRange = [start: number, end: number];
export declare class PatternMatcher {
    private readonly items;
    private readonly greedy;
    /** Node index that means "the whole pattern matched". */
    private readonly final;
    /** The pattern text when it has no wildcards (then plain search suffices). */
    private readonly literal;
    private current;
    private following;
    constructor(pattern: ShellPattern);
    /**
     * Finds the leftmost-first match in `text` starting the search at `from`.
     * With `anchored`, only a match starting exactly at `from` counts.
     */
    find(text: string, from: number, anchored: boolean): MatchRange | null;
    /**
     * Adds the threads reachable from `node` without consuming input, in
     * priority order. Runs of `*` are walked iteratively so long patterns
     * cannot exhaust the stack.
     */
    private add;
}
