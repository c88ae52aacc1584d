/** `fmt.Sprintf("%q", []string{...})`. */
export declare function goQuoteList(list: readonly string[] | undefined): string;
/** `fmt.Sprintf("%v", []string{...})`. */
export declare function goList(list: readonly string[] | undefined): string;
