/** unicode.IsSpace: Latin-1 spaces plus the White_Space property above it. */
export declare function isSpace(ch: number): boolean;
/** unicode.IsLetter (general category L). */
export declare function isLetter(ch: number): boolean;
/** unicode.IsDigit (general category Nd). */
export declare function isDigit(ch: number): boolean;
/** POSIX special parameters ($@, $*, $#, ...), which are never set. */
export declare function isSpecialParam(ch: number): boolean;
/** The blanks allowed between `<<` and a heredoc delimiter. */
export declare function isHeredocBlank(ch: number): boolean;
