export interface SplitLine {
    keyword: string;
    flags: string[];
    rest: string;
}
export declare function splitCommand(line: string, escapeToken: number): SplitLine;
