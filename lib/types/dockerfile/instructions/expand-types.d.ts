/** Expands one word to one word (upstream's SingleWordExpander). */
export type WordExpander = (word: string) => string;
/** Expands one word and splits the result into words (upstream's ProcessWords). */
export type WordsExpander = (word: string) => string[];
