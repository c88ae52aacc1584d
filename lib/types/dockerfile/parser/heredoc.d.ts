import type { Heredoc } from './ast.js';
/** A heredoc found in an instruction, before its body is read (byte strings). */
export interface HeredocHeader {
    name: string;
    expand: boolean;
    chomp: boolean;
    fileDescriptor: number;
}
/**
 * Recognises one heredoc word. Null when `word` is not a heredoc; throws a
 * DockerfileError (without location) when its delimiter cannot be lexed.
 * `word` and the returned name are byte strings.
 */
export declare function heredocFromWord(word: string): HeredocHeader | null;
/** Every heredoc word of an instruction line, in order (byte strings). */
export declare function heredocsFromLine(line: string): HeredocHeader[];
/**
 * Parses a heredoc word such as `<<-"EOF"` (upstream's ParseHeredoc, for the
 * instruction and conversion stages). Returns null when `word` is not one or
 * its delimiter cannot be lexed (upstream's MustParseHeredoc).
 */
export declare function parseHeredoc(word: string): Omit<Heredoc, 'content'> | null;
/** Removes leading tabs from every line (for `<<-`; upstream's ChompHeredocContent). */
export declare function chompHeredocContent(src: string): string;
