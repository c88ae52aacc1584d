export { chompHeredocContent } from '../parser/index.js';
export interface HeredocWord {
    /** Delimiter with quotes removed. */
    name: string;
    /** False when any part of the delimiter was quoted. */
    expand: boolean;
    /** True for `<<-`. */
    chomp: boolean;
}
/** The heredoc a word such as `<<-"EOF"` introduces, or undefined for an ordinary word. */
export declare function parseHeredocWord(word: string): HeredocWord | undefined;
