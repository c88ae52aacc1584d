import type { LineRange } from '../errors.js';
export interface Heredoc {
    /** Delimiter word with quotes removed, e.g. `EOF`. */
    name: string;
    /**
     * Body text exactly as upstream's parser keeps it: the raw lines with their
     * line endings, leading tabs NOT removed even when `chomp` (consumers strip
     * them where upstream does, with chompHeredocContent from the parser).
     */
    content: string;
    /** False when any part of the delimiter was quoted. */
    expand: boolean;
    /** True for `<<-`. */
    chomp: boolean;
    /** The optional leading digits of `2<<EOF` (0 when absent). */
    fileDescriptor: number;
}
/** One instruction (a child of the root node upstream). */
export interface InstructionNode {
    /** Lower-cased instruction keyword, e.g. `run`. */
    keyword: string;
    /** The keyword exactly as written, e.g. `Run` (upstream's Node.Value; the linter needs its casing). */
    rawKeyword: string;
    /** The instruction text after continuation joining (upstream's Node.Original). */
    original: string;
    /** Flag words like `--from=build`, in order, unprocessed (quotes kept). */
    flags: string[];
    /**
     * Argument values (upstream's Next chain). Empty for ONBUILD, whose wrapped
     * instruction is `sub`.
     */
    args: string[];
    /** True when the arguments were given in JSON (exec) form. */
    json: boolean;
    heredocs: Heredoc[];
    /**
     * The wrapped instruction of ONBUILD. As upstream, its heredocs are on the
     * ONBUILD node itself; its lines are the ONBUILD's (upstream leaves them 0).
     */
    sub?: InstructionNode;
    /** 1-based first and last physical line, heredoc bodies included. */
    startLine: number;
    endLine: number;
    /** Comment lines directly above the instruction, without the leading `#` and one space. */
    prevComment: string[];
}
export interface ParseWarning {
    short: string;
    detail: string[];
    url: string;
    location?: LineRange;
}
export interface Directive {
    name: string;
    value: string;
    location: LineRange;
}
export interface ParseResult {
    children: InstructionNode[];
    /** The escape character in effect: `\` or backtick. */
    escapeToken: string;
    warnings: ParseWarning[];
    /** Parser directives found at the top of the file, in order. */
    directives: Directive[];
    /** Line range of the root node. */
    startLine: number;
    endLine: number;
}
