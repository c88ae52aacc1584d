import type { LineRange } from '../errors.js';
import type { Heredoc, InstructionNode } from '../parser/ast.js';
import { BFlags } from './bflags.js';
import type { CommandBase } from './types.js';
export interface ParseRequest {
    node: InstructionNode;
    /** The keyword as written (upstream keeps the original casing in Node.Value). */
    command: string;
    args: string[];
    json: boolean;
    heredocs: Heredoc[];
    flags: BFlags;
    original: string;
    location: LineRange;
    comments: string[];
}
/** Go's strings.TrimSpace (one scan from each end; called for every instruction's text). */
export declare function goTrimSpace(s: string): string;
export declare function nodeLocation(node: InstructionNode): LineRange;
export declare function newRequest(node: InstructionNode): ParseRequest;
/** The fields every command shares (upstream's newWithNameAndCode). */
export declare function commandBase(req: ParseRequest): CommandBase;
/** Text after `<name> ` in the first comment line that starts so (upstream's getDocComment). */
export declare function docComment(comments: readonly string[], name: string): string;
