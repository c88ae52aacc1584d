/** Parses a Go duration such as `1m30s` into nanoseconds; throws Go's error text. */
export declare function parseGoDuration(text: string): bigint;
/** Go's time.Duration.String for a duration in nanoseconds. */
export declare function goDuration(nanos: number | bigint): string;
