export type JsonArrayResult = {
    kind: 'strings';
    values: string[];
}
/** Not JSON (or not decodable): the caller uses the shell form. */
 | {
    kind: 'invalid';
}
/** Valid JSON array with an element that is not a string. */
 | {
    kind: 'not-strings';
};
/** Parses `text` (leading Unicode space allowed) as a JSON array of strings. */
export declare function parseJsonArray(text: string): JsonArrayResult;
