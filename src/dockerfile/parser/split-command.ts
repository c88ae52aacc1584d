// Splits an instruction line into keyword, leading `--flag` words and the
// rest (upstream's splitCommand / extractBuilderFlags). Byte strings in and out.

import { isSpaceByte, trimSpace } from './bytes.ts';

export interface SplitLine {
  keyword: string;
  flags: string[];
  rest: string;
}

/** The blanks that end the keyword: `[\t\v\f\r ]` (not a newline). */
function isKeywordBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || (c >= 0x0b && c <= 0x0d);
}

export function splitCommand(line: string, escapeToken: number): SplitLine {
  const trimmed = trimSpace(line);
  const n = trimmed.length;
  let i = 0;
  while (i < n && !isKeywordBlank(trimmed.charCodeAt(i))) i++;
  if (i === n) return { keyword: trimmed, flags: [], rest: '' };
  let j = i + 1;
  while (j < n && isKeywordBlank(trimmed.charCodeAt(j))) j++;
  const { rest, flags } = extractFlags(trimmed.slice(j), escapeToken);
  return { keyword: trimmed.slice(0, i), flags, rest: trimSpace(rest) };
}

/**
 * Byte-at-a-time on purpose: upstream takes each byte as a rune here, so the
 * bytes 0x85 and 0xA0 (also inside multi-byte characters) separate words and
 * every other non-ASCII byte is re-encoded as the Latin-1 character it
 * names. Quotes are removed and the escape token escapes one byte.
 */
function extractFlags(line: string, escapeToken: number): { rest: string; flags: string[] } {
  const enum Phase {
    Spaces,
    Word,
    Quote,
  }
  const flags: string[] = [];
  const n = line.length;
  let phase = Phase.Spaces;
  let word = '';
  let quote = 0;
  let blankOK = false;

  for (let pos = 0; pos <= n; pos++) {
    const atEnd = pos === n;
    let ch = atEnd ? -1 : line.charCodeAt(pos);

    if (phase === Phase.Spaces) {
      if (atEnd) break;
      if (isSpaceByte(ch)) continue;
      // Flags continue only while the next word starts with `--`.
      if (ch !== 0x2d || pos + 1 === n || line.charCodeAt(pos + 1) !== 0x2d) {
        return { rest: line.slice(pos), flags };
      }
      phase = Phase.Word;
    }
    if (atEnd) {
      if (word !== '--' && (blankOK || word.length > 0)) flags.push(word);
      break;
    }
    if (phase === Phase.Word) {
      if (isSpaceByte(ch)) {
        if (word === '--') return { rest: line.slice(pos), flags };
        if (blankOK || word.length > 0) flags.push(word);
        phase = Phase.Spaces;
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        blankOK = true;
        phase = Phase.Quote;
        continue;
      }
      if (ch === escapeToken) {
        if (pos + 1 === n) continue;
        pos++;
        ch = line.charCodeAt(pos);
      } else if (ch < 0x80) {
        // A run of ASCII bytes with nothing to remove or re-encode: one slice.
        let end = pos + 1;
        while (end < n) {
          const c = line.charCodeAt(end);
          if (c >= 0x80 || c === 0x27 || c === 0x22 || c === escapeToken || isSpaceByte(c)) break;
          end++;
        }
        word += line.slice(pos, end);
        pos = end - 1;
        continue;
      }
      word += byteAsRune(ch);
      continue;
    }
    // Phase.Quote
    if (ch === quote) {
      phase = Phase.Word;
      continue;
    }
    if (ch === escapeToken) {
      if (pos + 1 === n) {
        phase = Phase.Word;
        continue;
      }
      pos++;
      ch = line.charCodeAt(pos);
    }
    word += byteAsRune(ch);
  }
  return { rest: '', flags };
}

/** UTF-8 bytes of the rune whose value is the byte `b` (Go's WriteRune(rune(b))). */
function byteAsRune(b: number): string {
  if (b < 0x80) return String.fromCharCode(b);
  return String.fromCharCode(0xc0 | (b >> 6), 0x80 | (b & 0x3f));
}
