// Upstream's parser strips quotes and escape characters from flag words as it
// splits them off the line (parser.extractBuilderFlags). Our AST keeps flag
// words as written, so the same processing happens here, one word at a time.

// Upstream walks the line byte by byte and writes each byte back as a code
// point, so non-ASCII text in a flag comes out as its UTF-8 bytes read as
// Latin-1 (`é` becomes `Ã©`); reproduced here on purpose.

/** A flag word with quotes and escapes processed as upstream's parser does. */
export function processFlagWord(rawWord: string, escapeToken: string): string {
  const word = Buffer.from(rawWord, 'utf8').toString('latin1');
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    let ch = word[i];
    if (quote === '') {
      if (ch === "'" || ch === '"') {
        quote = ch;
        continue;
      }
    } else if (ch === quote) {
      quote = '';
      continue;
    }
    if (ch === escapeToken) {
      // A trailing escape is dropped, inside quotes or not.
      if (i + 1 === word.length) continue;
      i++;
      ch = word[i];
    }
    out += ch;
  }
  return out;
}
