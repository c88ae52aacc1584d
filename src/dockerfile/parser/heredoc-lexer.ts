// The part of BuildKit's shell lexer that the parser itself runs to find
// heredoc words: word splitting with an empty environment where unset
// variables are kept as written (`SkipUnsetEnv`). Upstream reuses its full
// expander for this; the parser must not depend on the expansion stage, and
// only this mode matters here, so it is re-implemented on its own.
//
// Faithful to upstream's quirks, which decide which words are heredocs:
// - the words buffer is shared by nested `${…}` scans, so text gathered
//   before a `${name:-…}` in the same word is lost;
// - `<<` takes any following blanks into the word;
// - a BOM as the very first character is skipped.
// Works on code points (Go decodes runes; undecodable bytes are U+FFFD).
// Nested `${…}` parts run as generators on the shell lexer's own stack
// (`drive`), so nesting is as deep as a line can make it, as in Go.

import { isGoSpace } from '../../go/strings.ts';
import { goQuote } from '../../go/strconv.ts';
import { goIsDigit, goIsLetter } from '../../go/unicode.ts';
import { drive, type Part } from '../shell/lex.ts';

const EOF = -1;
const BOM = 0xfeff;
/** Upstream falls through from `:` to the modifiers whatever follows it. */
const MODIFIER_AFTER_COLON = -2;

export interface LexMode {
  /** Keep quote characters in the output. */
  rawQuotes: boolean;
  /** Keep escape characters in the output. */
  rawEscapes: boolean;
}

export class LexError extends Error {}

/** Splits `text` into words (upstream's ProcessWords with SkipUnsetEnv and no variables). */
export function lexWords(text: string, mode: LexMode): string[] {
  const lexer = new Lexer(text, mode);
  try {
    return drive(lexer.processStopOn(EOF, mode.rawEscapes)).words;
  } catch (err) {
    if (err instanceof LexError) {
      throw new LexError(`failed to process ${goQuote(text)}: ${err.message}`);
    }
    throw err;
  }
}

const isLetter = goIsLetter;
const isDigit = goIsDigit;

function isSpecialParam(cp: number): boolean {
  // @ * # ? - $ ! 0
  return cp === 0x40 || cp === 0x2a || cp === 0x23 || cp === 0x3f || cp === 0x2d || cp === 0x24 || cp === 0x21 || cp === 0x30;
}

/** The words buffer shared by every nesting level (see the file comment). */
interface SharedBuffer {
  text: string;
}

class Words {
  readonly list: string[] = [];
  inWord = false;
  constructor(private readonly buf: SharedBuffer) {}

  addChar(cp: number): void {
    if (isGoSpace(cp)) {
      if (this.inWord && this.buf.text.length !== 0) {
        this.list.push(this.buf.text);
        this.buf.text = '';
        this.inWord = false;
      }
      return;
    }
    this.addRaw(String.fromCodePoint(cp));
  }

  addRaw(s: string): void {
    this.buf.text += s;
    this.inWord = true;
  }

  /** addChar of each character, the runs between spaces added whole. */
  addString(s: string): void {
    let run = 0;
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      if (isGoSpace(cp)) {
        if (i > run) this.addRaw(s.slice(run, i));
        this.addChar(cp);
        run = i + w;
      }
      i += w;
    }
    if (run < s.length) this.addRaw(s.slice(run));
  }

  finish(): string[] {
    if (this.buf.text.length > 0) {
      this.list.push(this.buf.text);
      this.buf.text = '';
      this.inWord = false;
    }
    return this.list;
  }
}

class Lexer {
  /** The text, read by code points at `pos` (a UTF-16 index). */
  private readonly text: string;
  private pos = 0;
  private rawEscapes: boolean;
  private readonly rawQuotes: boolean;
  private readonly shared: SharedBuffer = { text: '' };

  constructor(text: string, mode: LexMode) {
    this.text = text;
    if (text.codePointAt(0) === BOM) this.pos = 1;
    this.rawEscapes = mode.rawEscapes;
    this.rawQuotes = mode.rawQuotes;
  }

  private peek(): number {
    return this.pos < this.text.length ? this.text.codePointAt(this.pos)! : EOF;
  }

  private next(): number {
    if (this.pos >= this.text.length) return EOF;
    const c = this.text.codePointAt(this.pos)!;
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  *processStopOn(stop: number, rawEscapes: boolean): Part<{ result: string; words: string[] }> {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return (yield this.scan(stop)) as { result: string; words: string[] };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private *scan(stop: number): Part<{ result: string; words: string[] }> {
    let result = '';
    this.shared.text = '';
    const words = new Words(this.shared);
    while (this.peek() !== EOF) {
      let ch = this.peek();
      if (stop !== EOF && ch === stop) {
        this.next();
        return { result, words: words.finish() };
      }
      if (ch === 0x24 /* $ */ || ch === 0x3c /* < */ || ch === 0x27 || ch === 0x22) {
        const tmp =
          ch === 0x24
            ? ((yield this.processDollar()) as string)
            : ch === 0x3c
              ? this.processPossibleHeredoc()
              : ch === 0x27
                ? this.processSingleQuote()
                : ((yield this.processDoubleQuote()) as string);
        result += tmp;
        if (ch === 0x24) words.addString(tmp);
        else words.addRaw(tmp);
        continue;
      }
      if (ch !== 0x5c && !isGoSpace(ch)) {
        // A run of ordinary characters, added at once (the same as one by one).
        const start = this.pos;
        for (let c = this.peek(); c !== EOF && c !== stop && c !== 0x24 && c !== 0x3c && c !== 0x27 && c !== 0x22 && c !== 0x5c && !isGoSpace(c); c = this.peek()) {
          this.pos += c > 0xffff ? 2 : 1;
        }
        const run = this.text.slice(start, this.pos);
        words.addRaw(run);
        result += run;
        continue;
      }
      ch = this.next();
      if (ch === 0x5c /* the heredoc lexer always escapes with \ */) {
        if (this.rawEscapes) {
          words.addRaw('\\');
          result += '\\';
        }
        ch = this.next();
        if (ch === EOF) break;
        words.addRaw(String.fromCodePoint(ch));
      } else {
        words.addChar(ch);
      }
      result += String.fromCodePoint(ch);
    }
    if (stop !== EOF) {
      throw new LexError(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
    }
    return { result, words: words.finish() };
  }

  private processSingleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) {
        if (this.rawQuotes) result += "'";
        return result;
      }
      result += String.fromCodePoint(ch);
    }
  }

  private *processDoubleQuote(): Part<string> {
    let result = '';
    const open = this.next();
    if (this.rawQuotes) result += String.fromCodePoint(open);
    for (;;) {
      const p = this.peek();
      if (p === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (p === 0x22) {
        this.next();
        if (this.rawQuotes) result += '"';
        return result;
      }
      if (p === 0x24) {
        result += (yield this.processDollar()) as string;
        continue;
      }
      let ch = this.next();
      if (ch === 0x5c) {
        if (this.rawEscapes) result += '\\';
        const after = this.peek();
        if (after === EOF) continue; // a trailing escape is dropped
        if (after === 0x22 || after === 0x24 || after === 0x5c) ch = this.next();
      }
      result += String.fromCodePoint(ch);
    }
  }

  private processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name.length === 0 && isDigit(ch)) {
        while (this.peek() !== EOF && isDigit(this.peek())) name += String.fromCodePoint(this.next());
        return name;
      }
      if (name.length === 0 && isSpecialParam(ch)) {
        this.next();
        return String.fromCodePoint(ch);
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      name += String.fromCodePoint(this.next());
    }
    return name;
  }

  /** Every variable is unset here, so each reference is returned as written. */
  private *processDollar(): Part<string> {
    this.next(); // $
    if (this.peek() !== 0x7b /* { */) {
      const name = this.processName();
      return '$' + name;
    }
    this.next(); // {
    const p = this.peek();
    if (p === EOF) throw new LexError("syntax error: missing '}'");
    if (p === 0x7b || p === 0x7d || p === 0x3a) throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go's string(rune(-1)) is U+FFFD.
    let chs = ch === EOF ? '\ufffd' : String.fromCodePoint(ch);
    let nullIsUnset = false;
    if (ch === 0x7d /* } */) return '${' + name + '}';
    if (ch === 0x3a /* : */) {
      nullIsUnset = true;
      ch = this.next();
      chs += ch === EOF ? '\ufffd' : String.fromCodePoint(ch);
    }
    switch (nullIsUnset ? MODIFIER_AFTER_COLON : ch) {
      case MODIFIER_AFTER_COLON:
      case 0x2b: // +
      case 0x2d: // -
      case 0x3f: // ?
      case 0x23: // #
      case 0x25: {
        // %
        const raw = ch === 0x23 || ch === 0x25;
        if (nullIsUnset && raw) throw new LexError(`unsupported modifier (${chs}) in substitution`);
        const word = (yield this.nested(0x7d, raw, "syntax error: missing '}'")) as string;
        return '${' + name + chs + word + '}';
      }
      case 0x2f: {
        // / pattern / replacement }
        if (this.peek() === 0x2f) this.next();
        const pattern = (yield this.nested(0x2f, true, "syntax error: missing '/' in ${}")) as string;
        const replacement = (yield this.nested(0x7d, true, "syntax error: missing '}'")) as string;
        return '${' + name + '/' + pattern + '/' + replacement + '}';
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** A nested scan up to `stop`; running out of input gives `atEof`. */
  private *nested(stop: number, rawEscapes: boolean, atEof: string): Part<string> {
    try {
      return ((yield this.processStopOn(stop, rawEscapes)) as { result: string }).result;
    } catch (err) {
      if (err instanceof LexError && this.peek() === EOF) throw new LexError(atEof);
      throw err;
    }
  }

  private processPossibleHeredoc(): string {
    this.next(); // <
    if (this.peek() !== 0x3c) return '<';
    this.next();
    let space = '';
    for (let p = this.peek(); p === 0x09 || p === 0x0d || p === 0x20; p = this.peek()) {
      space += String.fromCodePoint(this.next());
    }
    return '<<' + space;
  }
}
