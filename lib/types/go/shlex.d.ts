export declare function shlexSplit(s: string): string[];
