/** An instruction as the parser builds it, before decoding to the AST. */
export interface RawNode {
    /** The keyword as written. */
    value: string;
    original: string;
    flags: string[];
    args: string[];
    json: boolean;
    sub: RawNode | null;
}
/**
 * Go's strings.ToLower for a keyword in byte-string form: rune by rune (so
 * no context rules like Greek final sigma), each undecodable byte becoming
 * U+FFFD. Only İ lower-cases differently in JS (to two characters).
 */
export declare function keywordKey(value: string): string;
export declare function nodeFromLine(line: string, escapeToken: number): RawNode;
/** RUN, COPY and ADD in shell form, also inside ONBUILD, may have heredocs. */
export declare function canContainHeredoc(node: RawNode): boolean;
