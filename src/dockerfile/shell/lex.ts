// Shell-like word expansion as BuildKit's Dockerfile frontend does it
// (upstream's shell.Lex): quotes, escapes, $VAR and the ${} forms, and
// optionally word splitting. Errors are DockerfileErrors without a location;
// the caller adds the instruction's.

import { constants } from 'node:buffer';
import { DockerfileError } from '../errors.ts';
import { isDigit, isHeredocBlank, isLetter, isSpecialParam } from './chars.ts';
import { goQuote } from '../../go/strconv.ts';
import { EOF, RuneScanner, runeString } from './scanner.ts';
import { replacePattern, SubstitutionError, trimPrefix, trimSuffix } from './substitute.ts';
import type { EnvGetter, ProcessWordResult } from './types.ts';
import { WordSplitter } from './words.ts';
import type { WordBuffer } from './words.ts';

/**
 * A failed expansion. Like upstream's ProcessWordWithMatches, it still tells
 * which variables were looked up before the failure: upstream's build checks
 * (UndefinedVar, UndefinedArgInFrom) report them before returning the error.
 */
export class ExpansionError extends DockerfileError {
  readonly matched: Set<string>;
  readonly unmatched: Set<string>;
  constructor(message: string, matched: Set<string>, unmatched: Set<string>) {
    super(message);
    this.matched = matched;
    this.unmatched = unmatched;
  }
}

/** Escape characters a Dockerfile may choose with `# escape=`. */
export type EscapeToken = '\\' | '`';

export interface ShellLexOptions {
  /** Keep quote characters in the result (they still group words). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result (they still escape). */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters. */
  skipProcessQuotes?: boolean;
  /** Leave references to unset variables as they were written. */
  skipUnsetEnv?: boolean;
}

const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const LESS = 0x3c;
const PLUS = 0x2b;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const HASH = 0x23;
const PERCENT = 0x25;
const UNDERSCORE = 0x5f;
const BOM = 0xfeff;

/**
 * A nested part of an expansion (an operand, a quoted string, a `${}`):
 * a generator that yields the parts it needs and gets their results back.
 * `drive` runs them on its own stack, not the JavaScript one, so nesting is
 * as deep as the input makes it (upstream's goroutine stacks grow too).
 */
export interface Part<T = unknown> extends Generator<Part, T, unknown> {}

export function drive<T>(top: Part<T>): T {
  const stack: Part[] = [top];
  let input: unknown;
  let failure: { error: unknown } | undefined;
  for (;;) {
    const g = stack[stack.length - 1];
    let r: IteratorResult<Part, unknown>;
    try {
      if (failure !== undefined) {
        const f = failure;
        failure = undefined;
        r = g.throw(f.error);
      } else {
        r = g.next(input);
      }
    } catch (error) {
      stack.pop();
      if (stack.length === 0) throw error;
      failure = { error };
      continue;
    }
    if (r.done) {
      stack.pop();
      if (stack.length === 0) return r.value as T;
      input = r.value;
    } else {
      stack.push(r.value);
      input = undefined;
    }
  }
}

/** An expansion longer than the longest string V8 makes (a RangeError) fails saying so. */
const { MAX_STRING_LENGTH } = constants;
const TOO_LONG = `the expanded text would be longer than the maximum string length (${MAX_STRING_LENGTH} characters)`;

function fail(message: string): never {
  throw new DockerfileError(message);
}

/** The lexer; its options may be changed between calls, as upstream's are. */
export class ShellLex {
  readonly escapeToken: EscapeToken;
  rawQuotes: boolean;
  rawEscapes: boolean;
  skipProcessQuotes: boolean;
  skipUnsetEnv: boolean;

  constructor(escapeToken: EscapeToken = '\\', options: ShellLexOptions = {}) {
    this.escapeToken = escapeToken;
    this.rawQuotes = options.rawQuotes ?? false;
    this.rawEscapes = options.rawEscapes ?? false;
    this.skipProcessQuotes = options.skipProcessQuotes ?? false;
    this.skipUnsetEnv = options.skipUnsetEnv ?? false;
  }

  /** Expands `word` into one string (upstream's ProcessWord). */
  processWord(word: string, env: EnvGetter): string {
    if (this.isLiteral(word)) return word;
    return new Expansion(this, word, env, true).run().result;
  }

  /** Expands `word` and splits it into words (upstream's ProcessWords). */
  processWords(word: string, env: EnvGetter): string[] {
    if (this.isLiteral(word)) return literalWords(word);
    return new Expansion(this, word, env, false).run().words;
  }

  /** Expands `word`, reporting which variables were found and which were not. */
  processWordWithMatches(word: string, env: EnvGetter): ProcessWordResult {
    if (this.isLiteral(word)) return { result: word, words: literalWords(word), matched: new Set(), unmatched: new Set() };
    return new Expansion(this, word, env, true).run();
  }

  /**
   * Whether expanding `word` gives `word` itself, looking nothing up (most
   * words of a Dockerfile): nothing in it that processUntil treats specially
   * (`$`, `<`, the escape character, quotes unless skipped), no surrogate
   * and no leading byte order mark (the scanner reads those differently).
   * Then the expansion is one run of plain characters and is skipped.
   */
  private isLiteral(word: string): boolean {
    const escape = this.escapeToken.charCodeAt(0);
    const quotes = !this.skipProcessQuotes;
    const n = word.length;
    if (n > 0 && word.charCodeAt(0) === BOM) return false;
    for (let i = 0; i < n; i++) {
      const c = word.charCodeAt(i);
      if (c === DOLLAR || c === LESS || c === escape || (c >= 0xd800 && c <= 0xdfff)) return false;
      if (quotes && (c === SINGLE_QUOTE || c === DOUBLE_QUOTE)) return false;
    }
    return true;
  }
}

/** The words of a literal word (see isLiteral): split on white space as processUntil splits a plain run. */
function literalWords(word: string): string[] {
  const words = new WordSplitter({ text: '' });
  words.addString(word);
  return words.finish();
}

/** The state of one expansion of one word. */
class Expansion {
  private readonly lex: ShellLex;
  private readonly source: string;
  private readonly env: EnvGetter;
  private readonly capture: boolean;
  private readonly scanner: RuneScanner;
  private readonly escape: number;
  private readonly wordBuffer: WordBuffer = { text: '' };
  private readonly matched = new Set<string>();
  private readonly unmatched = new Set<string>();
  private rawEscapes: boolean;

  constructor(lex: ShellLex, source: string, env: EnvGetter, capture: boolean) {
    this.lex = lex;
    this.source = source;
    this.env = env;
    this.capture = capture;
    this.scanner = new RuneScanner(source);
    this.escape = lex.escapeToken.charCodeAt(0);
    this.rawEscapes = lex.rawEscapes;
  }

  run(): ProcessWordResult {
    try {
      const [result, words] = drive(this.processUntil(EOF, this.rawEscapes));
      return { result, words, matched: this.matched, unmatched: this.unmatched };
    } catch (err) {
      let message: string;
      if (err instanceof DockerfileError) message = err.message;
      else if (err instanceof RangeError && err.message === 'Invalid string length') message = TOO_LONG;
      else throw err;
      throw new ExpansionError(`failed to process ${goQuote(this.source)}: ${message}`, this.matched, this.unmatched);
    }
  }

  /**
   * Reads up to `stop` (consumed) or the end of input, expanding as it goes.
   * Returns the text and its split words.
   */
  private *processUntil(stop: number, rawEscapes: boolean): Part<[string, string[]]> {
    const scanner = this.scanner;
    const lex = this.lex;
    this.wordBuffer.text = '';
    const words = new WordSplitter(this.wordBuffer);
    const outerRawEscapes = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const plain = this.isPlain(stop);
    try {
      let result = '';
      for (let ch = scanner.peek(); ch !== EOF; ch = scanner.peek()) {
        if (stop !== EOF && ch === stop) {
          scanner.next();
          return [result, words.finish()];
        }
        if (ch === DOLLAR) {
          const value = (yield this.processDollar()) as string;
          result += value;
          words.addString(value);
          continue;
        }
        if (ch === LESS) {
          const text = this.processPossibleHeredoc();
          result += text;
          words.addRawString(text);
          continue;
        }
        if (!lex.skipProcessQuotes && (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE)) {
          const text = ch === SINGLE_QUOTE ? this.processSingleQuote() : ((yield this.processDoubleQuote()) as string);
          result += text;
          words.addRawString(text);
          continue;
        }
        if (ch !== this.escape) {
          // A run of ordinary characters, copied at once (same result as one by one).
          const run = scanner.takeRun(plain);
          if (run !== '') {
            words.addString(run);
            result += run;
            continue;
          }
        }
        if (ch === this.escape) {
          // A run of escaped characters, added at once (the same as one by one). The escape escapes
          // anything; at the very end it is dropped.
          const chars: string[] = [];
          let atEnd = false;
          while (scanner.peek() === this.escape) {
            scanner.next();
            if (this.rawEscapes) chars.push(String.fromCodePoint(this.escape));
            const escaped = scanner.next();
            if (escaped === EOF) {
              atEnd = true;
              break;
            }
            chars.push(String.fromCodePoint(escaped));
          }
          if (chars.length > 0) {
            const text = chars.join('');
            words.addRawString(text);
            result += text;
          }
          if (atEnd) break;
          continue;
        }
        scanner.next();
        words.addChar(ch);
        result += String.fromCodePoint(ch);
      }
      if (stop !== EOF) {
        fail(`unexpected end of statement while looking for matching ${runeString(stop)}`);
      }
      return [result, words.finish()];
    } finally {
      this.rawEscapes = outerRawEscapes;
    }
  }

  /** Characters processUntil(stop) copies unchanged: nothing it treats specially. */
  private isPlain(stop: number): (unit: number) => boolean {
    const escape = this.escape;
    const quotes = !this.lex.skipProcessQuotes;
    return (c) =>
      c !== DOLLAR && c !== LESS && c !== escape && c !== stop && !(quotes && (c === SINGLE_QUOTE || c === DOUBLE_QUOTE));
  }

  // Everything up to the closing quote is literal; a single quote cannot be escaped.
  private processSingleQuote(): string {
    const scanner = this.scanner;
    const raw = this.lex.rawQuotes;
    let result = raw ? "'" : '';
    scanner.next();
    for (;;) {
      const ch = scanner.next();
      if (ch === EOF) fail('unexpected end of statement while looking for matching single-quote');
      if (ch === SINGLE_QUOTE) return raw ? result + "'" : result;
      result += String.fromCodePoint(ch);
    }
  }

  // `$` expands; the escape character escapes only `"`, `$` and itself and
  // otherwise stays.
  private *processDoubleQuote(): Part<string> {
    const scanner = this.scanner;
    const raw = this.lex.rawQuotes;
    let result = raw ? '"' : '';
    scanner.next();
    for (;;) {
      const peeked = scanner.peek();
      if (peeked === EOF) fail('unexpected end of statement while looking for matching double-quote');
      if (peeked === DOUBLE_QUOTE) {
        scanner.next();
        return raw ? result + '"' : result;
      }
      if (peeked === DOLLAR) {
        result += (yield this.processDollar()) as string;
        continue;
      }
      let ch = scanner.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += String.fromCodePoint(ch);
        const following = scanner.peek();
        // A trailing escape is dropped; the missing quote is reported next turn.
        if (following === EOF) continue;
        if (following === DOUBLE_QUOTE || following === DOLLAR || following === this.escape) {
          ch = scanner.next();
        }
      }
      result += String.fromCodePoint(ch);
    }
  }

  private *processDollar(): Part<string> {
    const scanner = this.scanner;
    scanner.next();

    if (scanner.peek() !== LBRACE) {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.lookup(name);
      if (value === undefined) return this.lex.skipUnsetEnv ? '$' + name : '';
      return value;
    }

    scanner.next();
    const first = scanner.peek();
    if (first === EOF) fail("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) fail('syntax error: bad substitution');

    const name = this.processName();
    let ch = scanner.next();
    let modifier = runeString(ch);

    if (ch === RBRACE) {
      const value = this.lookup(name);
      if (value === undefined) return this.lex.skipUnsetEnv ? `\${${name}}` : '';
      return value;
    }
    if (ch === SLASH) return (yield this.processReplace(name)) as string;

    let nullIsUnset = false;
    if (ch === COLON) {
      nullIsUnset = true;
      ch = scanner.next();
      modifier += runeString(ch);
    } else if (ch !== PLUS && ch !== MINUS && ch !== QUESTION && ch !== HASH && ch !== PERCENT) {
      fail(`unsupported modifier (${modifier}) in substitution`);
    }

    // Pattern operands keep their escapes: the pattern syntax uses them.
    const isPattern = ch === HASH || ch === PERCENT;
    if (nullIsUnset && isPattern) fail(`unsupported modifier (${modifier}) in substitution`);
    let word = (yield this.operand(RBRACE, isPattern, "syntax error: missing '}'")) as string;

    const value = this.lookup(name);
    if (value === undefined && this.lex.skipUnsetEnv) return `\${${name}${modifier}${word}}`;
    const unset = value === undefined || (nullIsUnset && value === '');

    switch (ch) {
      case MINUS:
        return unset ? word : (value ?? '');
      case PLUS:
        return unset ? '' : word;
      case QUESTION:
        if (value === undefined) fail(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
        if (unset) fail(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
        return value;
      case HASH:
      case PERCENT: {
        // A doubled operator (## or %%) asks for the longest match.
        const greedy = word.length > 0 && word.charCodeAt(0) === ch;
        if (greedy) word = word.slice(1);
        return this.substitute(() =>
          ch === PERCENT ? trimSuffix(word, value ?? '', greedy) : trimPrefix(word, value ?? '', greedy),
        );
      }
    }
    return fail(`unsupported modifier (${modifier}) in substitution`);
  }

  private *processReplace(name: string): Part<string> {
    const scanner = this.scanner;
    const all = scanner.peek() === SLASH;
    if (all) scanner.next();
    const pattern = (yield this.operand(SLASH, true, "syntax error: missing '/' in ${}")) as string;
    const replacement = (yield this.operand(RBRACE, true, "syntax error: missing '}'")) as string;
    const value = this.lookup(name);
    if (value === undefined && this.lex.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
    return this.substitute(() => replacePattern(pattern, value ?? '', replacement, all));
  }

  /**
   * Reads a ${} operand up to `stop`. Running out of input is reported as
   * `missingMessage`, whatever went wrong inside.
   */
  private *operand(stop: number, rawEscapes: boolean, missingMessage: string): Part<string> {
    try {
      return ((yield this.processUntil(stop, rawEscapes)) as [string, string[]])[0];
    } catch (err) {
      if (err instanceof DockerfileError && this.scanner.peek() === EOF) fail(missingMessage);
      throw err;
    }
  }

  private substitute(apply: () => string): string {
    try {
      return apply();
    } catch (err) {
      if (err instanceof SubstitutionError) fail(err.message);
      throw err;
    }
  }

  // A name is a run of letters, digits and `_`; a leading digit makes it a
  // positional parameter (digits only), a special character a special one.
  private processName(): string {
    const scanner = this.scanner;
    let name = '';
    for (let ch = scanner.peek(); ch !== EOF; ch = scanner.peek()) {
      if (name === '') {
        if (isDigit(ch)) {
          while (scanner.peek() !== EOF && isDigit(scanner.peek())) {
            name += String.fromCodePoint(scanner.next());
          }
          return name;
        }
        if (isSpecialParam(ch)) {
          scanner.next();
          return String.fromCodePoint(ch);
        }
      }
      if (!isLetter(ch) && !isDigit(ch) && ch !== UNDERSCORE) break;
      name += String.fromCodePoint(scanner.next());
    }
    return name;
  }

  // `<<` keeps the blanks after it, so a heredoc marker stays one word.
  private processPossibleHeredoc(): string {
    const scanner = this.scanner;
    scanner.next();
    if (scanner.peek() !== LESS) return '<';
    scanner.next();
    let result = '<<';
    while (isHeredocBlank(scanner.peek())) result += String.fromCodePoint(scanner.next());
    return result;
  }

  private lookup(name: string): string | undefined {
    const value = this.env.get(name);
    if (this.capture) (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }
}
