/** Go's strconv.Quote of a byte string: undecodable bytes print as \xNN. */
export declare function goQuoteBytes(s: string): string;
