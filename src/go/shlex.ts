// Splits a command line into words as github.com/google/shlex does (used by
// Go's llb.Shlex): whitespace separates words, quotes group, backslash escapes,
// and '#' at the start of a word begins a comment. A word the text ends in
// the middle of (an unclosed quote, a final backslash) is an error to
// shlex.Split, which returns the words before it; llb.Shlex ignores the
// error, so that word is left out.

export function shlexSplit(s: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '#' && !inWord) {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (ch === '\\') {
      if (i + 1 >= s.length) return words;
      inWord = true;
      word += s[i + 1];
      i += 2;
    } else if (ch === "'") {
      inWord = true;
      const end = s.indexOf("'", i + 1);
      if (end < 0) return words;
      word += s.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\') {
          if (i + 1 >= s.length) return words;
          word += s[i + 1];
          i += 2;
        } else word += s[i++];
      }
      if (i >= s.length) return words;
      i++;
    } else {
      inWord = true;
      word += ch;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
