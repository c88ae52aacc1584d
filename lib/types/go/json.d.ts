/** A string as Go's encoder quotes it (HTML-safe escaping, U+2028/U+2029 escaped). */
export declare function goQuoteJSON(s: string): string;
/**
 * JSON.stringify with Go's extra escapes (<, >, &, U+2028, U+2029). None of
 * them can occur outside a string in JSON, so replacing them afterwards is
 * exact; the caller builds the value with Go's field order and omissions.
 */
export declare function goJSONStringify(v: unknown, indent?: number): string;
/** A JSON value; object keys are written in insertion order, as Go writes struct fields. */
export type GoJSON = null | boolean | number | string | GoJSON[] | {
    [key: string]: GoJSON;
};
/** json.MarshalIndent(v, "", indent). */
export declare function goMarshalIndent(v: GoJSON, indent?: string): string;
/** A Go []byte as encoding/json writes it: standard base64. */
export declare function goBytesJSON(data: Uint8Array): string;
