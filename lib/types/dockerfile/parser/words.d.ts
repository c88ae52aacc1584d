export declare function parseWords(rest: string, escapeToken: number): string[];
