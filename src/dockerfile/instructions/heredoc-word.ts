// Heredoc helpers for the stages after this one, which reach them through
// the instructions package (upstream's converter calls parser.MustParseHeredoc
// and parser.ChompHeredocContent); the parser owns the implementation.

import { parseHeredoc } from '../parser/index.ts';

export { chompHeredocContent } from '../parser/index.ts';

export interface HeredocWord {
  /** Delimiter with quotes removed. */
  name: string;
  /** False when any part of the delimiter was quoted. */
  expand: boolean;
  /** True for `<<-`. */
  chomp: boolean;
}

/** The heredoc a word such as `<<-"EOF"` introduces, or undefined for an ordinary word. */
export function parseHeredocWord(word: string): HeredocWord | undefined {
  const h = parseHeredoc(word);
  return h === null ? undefined : { name: h.name, expand: h.expand, chomp: h.chomp };
}
