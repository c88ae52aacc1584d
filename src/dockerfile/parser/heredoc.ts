// Heredoc words (`<<EOF`, `<<-EOF`, `2<<"EOF"`) and their bodies' helpers
// (upstream's ParseHeredoc, heredocsFromLine and ChompHeredocContent).

import { DockerfileError } from '../errors.ts';
import type { Heredoc } from './ast.ts';
import { goDecode, isRegexpSpace, toByteString } from './bytes.ts';
import { LexError, lexWords } from './heredoc-lexer.ts';

/**
 * Go's `^(\d*)<<(-?)\s*([^<]*)$` (`\s` ASCII-only): [digits, "-" or "",
 * the rest after the spaces], or undefined. In one pass (a backtracking
 * engine is quadratic in the spaces when a `<` follows them).
 */
export function matchHeredocWord(word: string): [string, string, string] | undefined {
  const n = word.length;
  let i = 0;
  while (i < n && word.charCodeAt(i) >= 0x30 && word.charCodeAt(i) <= 0x39) i++;
  const digits = word.slice(0, i);
  if (!word.startsWith('<<', i)) return undefined;
  i += 2;
  const chomp = word[i] === '-' ? '-' : '';
  i += chomp.length;
  while (i < n && isRegexpSpace(word.charCodeAt(i))) i++;
  const rest = word.slice(i);
  return rest.includes('<') ? undefined : [digits, chomp, rest];
}

/** A heredoc found in an instruction, before its body is read (byte strings). */
export interface HeredocHeader {
  name: string;
  expand: boolean;
  chomp: boolean;
  fileDescriptor: number;
}

const MAX_UINT64 = 18446744073709551615;

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x27 || c === 0x22) n++;
  }
  return n;
}

/**
 * Recognises one heredoc word. Null when `word` is not a heredoc; throws a
 * DockerfileError (without location) when its delimiter cannot be lexed.
 * `word` and the returned name are byte strings.
 */
export function heredocFromWord(word: string): HeredocHeader | null {
  const m = matchHeredocWord(word);
  if (m === undefined || m[2].length === 0) return null;
  const rest = goDecode(m[2]);
  let words: string[];
  let rawWords: string[];
  try {
    words = lexWords(rest, { rawQuotes: false, rawEscapes: false });
    if (words.length !== 1) return null;
    rawWords = lexWords(rest, { rawQuotes: true, rawEscapes: false });
  } catch (err) {
    if (err instanceof LexError) throw new DockerfileError(err.message);
    throw err;
  }
  if (rawWords.length !== words.length) {
    throw new DockerfileError(`internal lexing of heredoc produced inconsistent results: ${rest}`);
  }
  // A quote anywhere in the delimiter turns expansion off.
  const expand = countQuotes(words[0]) === countQuotes(rawWords[0]);
  // Go parses the digits as a uint64 and keeps the maximum on overflow.
  const fd = m[0] === '' ? 0 : Math.min(Number(m[0]), MAX_UINT64);
  return { name: toByteString(words[0]), expand, chomp: m[1] === '-', fileDescriptor: fd };
}

/** Every heredoc word of an instruction line, in order (byte strings). */
export function heredocsFromLine(line: string): HeredocHeader[] {
  let words: string[];
  try {
    words = lexWords(goDecode(line), { rawQuotes: true, rawEscapes: true });
  } catch (err) {
    // Upstream ignores a line it cannot lex: it then has no heredocs.
    if (err instanceof LexError) return [];
    throw err;
  }
  const out: HeredocHeader[] = [];
  for (const w of words) {
    const h = heredocFromWord(toByteString(w));
    if (h !== null) out.push(h);
  }
  return out;
}

/**
 * Parses a heredoc word such as `<<-"EOF"` (upstream's ParseHeredoc, for the
 * instruction and conversion stages). Returns null when `word` is not one or
 * its delimiter cannot be lexed (upstream's MustParseHeredoc).
 */
export function parseHeredoc(word: string): Omit<Heredoc, 'content'> | null {
  let h: HeredocHeader | null;
  try {
    h = heredocFromWord(toByteString(word));
  } catch (err) {
    if (err instanceof DockerfileError) return null;
    throw err;
  }
  if (h === null) return null;
  return { name: goDecode(h.name), expand: h.expand, chomp: h.chomp, fileDescriptor: h.fileDescriptor };
}

// Go's `(?m)^\t+`: line starts are only after \n (JS's /m would add \r).
const LEADING_TABS = /(^|\n)\t+/g;

/** Removes leading tabs from every line (for `<<-`; upstream's ChompHeredocContent). */
export function chompHeredocContent(src: string): string {
  return src.replace(LEADING_TABS, '$1');
}
