// Recognises a heredoc marker word such as `<<EOF`, `<<-"EOF"` or `2<<EOF`
// among COPY/ADD arguments (upstream's parser.MustParseHeredoc).

export interface HeredocWord {
  /** Delimiter with quotes removed. */
  name: string;
  /** False when any part of the delimiter was quoted. */
  expand: boolean;
  /** True for `<<-`. */
  chomp: boolean;
}

// RE2's \s is [\t\n\f\r ]; JavaScript's is wider, so spell it out.
const heredocPattern = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;
const blank = /[\t\n\f\r \v]/;

interface LexedWord {
  text: string;
  quoted: boolean;
}

/**
 * Splits the delimiter text into shell words with quotes removed, noting
 * whether quotes were involved. Variables stay as written (upstream lexes
 * with no variables and unset ones kept). Undefined on unbalanced quotes.
 */
function lexDelimiter(text: string): LexedWord[] | undefined {
  const words: LexedWord[] = [];
  let current: LexedWord | undefined;
  const start = (): LexedWord => (current ??= { text: '', quoted: false });
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (blank.test(ch)) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const word = start();
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word.text += text.slice(i + 1, end);
      word.quoted = true;
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return undefined;
        const c = text[j];
        if (c === '"') break;
        if (c === '\\' && j + 1 < text.length && '"$\\'.includes(text[j + 1])) {
          word.text += text[j + 1];
          j += 2;
          continue;
        }
        if (c === '\\' && j + 1 >= text.length) {
          j++;
          continue;
        }
        word.text += c;
        j++;
      }
      word.quoted = true;
      i = j;
    } else if (ch === '\\') {
      if (i + 1 < text.length) word.text += text[++i];
    } else {
      word.text += ch;
    }
  }
  if (current !== undefined) words.push(current);
  return words;
}

/** The heredoc a word introduces, or undefined when it is an ordinary word. */
export function parseHeredocWord(word: string): HeredocWord | undefined {
  const m = heredocPattern.exec(word);
  if (m === null || m[3] === '') return undefined;
  const words = lexDelimiter(m[3]);
  if (words === undefined || words.length !== 1) return undefined;
  return { name: words[0].text, expand: !words[0].quoted, chomp: m[2] === '-' };
}

/** Removes leading tabs from every line (upstream's ChompHeredocContent). */
export function chompHeredocContent(content: string): string {
  return content
    .split('\n')
    .map((line) => line.replace(/^\t+/, ''))
    .join('\n');
}
