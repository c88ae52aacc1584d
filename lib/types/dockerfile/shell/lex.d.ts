import { DockerfileError } from '../errors.js';
import type { EnvGetter, ProcessWordResult } from './types.js';
/**
 * A failed expansion. Like upstream's ProcessWordWithMatches, it still tells
 * which variables were looked up before the failure: upstream's build checks
 * (UndefinedVar, UndefinedArgInFrom) report them before returning the error.
 */
export declare class ExpansionError extends DockerfileError {
    readonly matched: Set<string>;
    readonly unmatched: Set<string>;
    constructor(message: string, matched: Set<string>, unmatched: Set<string>);
}
/** Escape characters a Dockerfile may choose with `# escape=`. */
export type EscapeToken = '\\' | '`';
export interface ShellLexOptions {
    /** Keep quote characters in the result (they still group words). */
    rawQuotes?: boolean;
    /** Keep escape characters in the result (they still escape). */
    rawEscapes?: boolean;
    /** Treat quotes as ordinary characters. */
    skipProcessQuotes?: boolean;
    /** Leave references to unset variables as they were written. */
    skipUnsetEnv?: boolean;
}
/** The lexer; its options may be changed between calls, as upstream's are. */
export declare class ShellLex {
    readonly escapeToken: EscapeToken;
    rawQuotes: boolean;
    rawEscapes: boolean;
    skipProcessQuotes: boolean;
    skipUnsetEnv: boolean;
    constructor(escapeToken?: EscapeToken, options?: ShellLexOptions);
    /** Expands `word` into one string (upstream's ProcessWord). */
    processWord(word: string, env: EnvGetter): string;
    /** Expands `word` and splits it into words (upstream's ProcessWords). */
    processWords(word: string, env: EnvGetter): string[];
    /** Expands `word`, reporting which variables were found and which were not. */
    processWordWithMatches(word: string, env: EnvGetter): ProcessWordResult;
    /**
     * Whether expanding `word` gives `word` itself, looking nothing up (most
     * words of a Dockerfile): nothing in it that processUntil treats specially
     * (`$`, `<`, the escape character, quotes unless skipped), no surrogate
     * and no leading byte order mark (the scanner reads those differently).
     * Then the expansion is one run of plain characters and is skipped.
     */
    private isLiteral;
}
