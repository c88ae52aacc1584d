// The Dockerfile formatter. It works on the file's own lines, guided by the
// parser's syntax tree (which reads the file exactly as BuildKit does), and
// changes only what cannot change the build:
//
// - instruction keywords upper case (and FROM's `AS`), one space after the
//   keyword, the first line of an instruction not indented;
// - flag words separated by one space, JSON forms written `["a", "b"]`, the
//   words of FROM, COPY, ADD, EXPOSE and VOLUME separated by one space (when
//   the instruction is one line);
// - trailing spaces and tabs removed, runs of blank lines made one, no blank
//   lines at the start or end of the file, a final newline;
// - comments (also those between continuation lines), directives, heredoc
//   bodies and the text ONBUILD wraps kept byte for byte, and the leading
//   white space of continuation lines kept: in a shell-form RUN it is part of
//   the command, so of the cache key. `reindent` re-indents those lines,
//   which changes the commands and so the cache keys.
//
// Every formatted instruction is parsed again and compared with the original
// (keyword, flags, arguments, heredocs, comments above it, ONBUILD's text);
// an instruction that would come out different is kept as written.

import { DockerfileError } from '../dockerfile/errors.ts';
import { argumentError, checkOptions } from '../llb/args.ts';
import { fromByteString, toByteString } from '../dockerfile/parser/bytes.ts';
import { DirectiveScanner } from '../dockerfile/parser/directives.ts';
import { parse, type InstructionNode, type ParseResult } from '../dockerfile/parser/index.ts';
import { isCommentLine, leadingBlanks, physicalLines, readHeader, trimEndBlanks, type HeaderLine, type PhysicalLine } from './lines.ts';

export interface FormatOptions {
  /**
   * Re-indent continuation lines with `indent`. This changes the text of
   * shell-form commands (their leading white space is part of the command),
   * so their cache keys: off by default.
   */
  reindent?: boolean;
  /** The indentation `reindent` gives continuation lines (default: four spaces). */
  indent?: string;
}

const BOM = '\xef\xbb\xbf';

/** The keywords the formatter upper-cases; an unknown word is left as written. */
const KEYWORDS: ReadonlySet<string> = new Set([
  'add', 'arg', 'cmd', 'copy', 'entrypoint', 'env', 'expose', 'from', 'healthcheck', 'label',
  'maintainer', 'onbuild', 'run', 'shell', 'stopsignal', 'user', 'volume', 'workdir',
]);

/** Instructions whose arguments the parser splits at blanks (when not JSON). */
const WORD_LISTS: ReadonlySet<string> = new Set(['from', 'expose', 'copy', 'add', 'volume']);

/**
 * Formats a Dockerfile. A string gives a string, bytes give bytes (bytes
 * that are not UTF-8 are kept as they are). Throws the parser's
 * DockerfileError when the file does not parse.
 */
export function format(text: string, options?: FormatOptions): string;
export function format(text: Uint8Array, options?: FormatOptions): Uint8Array;
export function format(text: string | Uint8Array, options: FormatOptions = {}): string | Uint8Array {
  // What a JavaScript caller may pass that the types refuse: refused here with a message naming it.
  if (typeof text !== 'string' && !(text instanceof Uint8Array)) throw argumentError('format', 'the Dockerfile', 'a string or a Uint8Array', text);
  if (options === null) options = {};
  checkOptions('format', options);
  for (const key of Object.keys(options)) {
    if (key !== 'reindent' && key !== 'indent') throw new TypeError(`format: unknown option ${JSON.stringify(key)} (the options are reindent and indent)`);
  }
  if (options.reindent !== undefined && typeof options.reindent !== 'boolean') throw argumentError('format', 'reindent', 'a boolean', options.reindent);
  if (options.indent !== undefined && typeof options.indent !== 'string') throw argumentError('format', 'indent', 'a string', options.indent);
  const out = formatByteString(toByteString(text), options);
  return typeof text === 'string' ? fromByteString(out) : Buffer.from(out, 'latin1');
}

/** Parses a byte string (the parser would take a JS string as text and encode it again). */
function parseBytes(src: string): ParseResult {
  return parse(Buffer.from(src, 'latin1'));
}

function formatByteString(src: string, opt: FormatOptions): string {
  return formatWithLineMap(src, opt).text;
}

/** A formatted file, and for each line of the original (0-based) the 1-based line it became. */
export interface Formatted {
  text: string;
  lineMap: number[];
  /** Instructions kept as written because formatting them would have changed their parse. */
  keptAsWritten: number;
}

/** Formats a byte string; also says where each original line went (for tests and tools mapping findings). */
export function formatWithLineMap(src: string, opt: FormatOptions = {}): Formatted {
  const tree = parseBytes(src);
  const verbatim = new Set<number>();
  for (let attempt = 0; attempt < 2; attempt++) {
    const out = render(src, tree, opt, verbatim);
    const bad = differences(tree, out.text, opt);
    if (bad === undefined) return { ...out, keptAsWritten: verbatim.size };
    if (bad === 'all') tree.children.forEach((_, i) => verbatim.add(i));
    else for (const i of bad) verbatim.add(i);
  }
  // Kept as written where anything would differ: only possible for inputs
  // the checks above do not foresee.
  const out = render(src, tree, opt, new Set(tree.children.map((_, i) => i)));
  if (differences(tree, out.text, opt) === undefined) return { ...out, keptAsWritten: tree.children.length };
  return { text: src, lineMap: physicalLines(src).map((_, i) => i + 1), keptAsWritten: tree.children.length };
}

/** Writes the formatted file; instructions in `verbatim` are copied as written. */
function render(input: string, tree: ParseResult, opt: FormatOptions, verbatim: ReadonlySet<number>): Omit<Formatted, 'keptAsWritten'> {
  const bom = input.startsWith(BOM) ? BOM : '';
  const lines = physicalLines(bom === '' ? input : input.slice(BOM.length));
  const eol = lines.length > 0 && lines[0].raw.endsWith('\r\n') ? '\r\n' : '\n';
  const esc = tree.escapeToken;
  const directiveLines = new Set(tree.directives.map((d) => d.location.start - 1));
  const lineMap: number[] = new Array<number>(lines.length);
  let out = bom;
  let written = 0;
  let pendingBlank = false;
  let next = 0;

  const emit = (line: string): void => {
    out += line + eol;
    written++;
  };
  const flushBlank = (nextLine: string): void => {
    if (!pendingBlank) return;
    pendingBlank = false;
    // A blank line at the top keeps a directive-like comment below it a
    // comment: without it, the comment would become a parser directive.
    if (written > 0 || looksLikeDirective(nextLine)) emit('');
  };
  const between = (end: number): void => {
    for (; next < end; next++) {
      const t = lines[next].text;
      if (directiveLines.has(next) || isCommentLine(t)) {
        flushBlank(t);
        lineMap[next] = written + 1;
        emit(directiveLines.has(next) ? t : trimEndBlanks(t));
      } else {
        lineMap[next] = written + (pendingBlank || written === 0 ? 1 : 2);
        pendingBlank = true;
      }
    }
  };

  tree.children.forEach((node, i) => {
    const s = node.startLine - 1;
    between(s);
    flushBlank('');
    for (let k = s; k < node.endLine; k++) lineMap[k] = written + 1 + k - s;
    if (verbatim.has(i)) {
      for (let k = s; k < node.endLine; k++) out += withEol(lines[k], eol);
    } else {
      out += formatInstruction(node, lines, s, node.endLine - 1, esc, eol, opt);
    }
    written += node.endLine - s;
    next = node.endLine;
  });
  between(lines.length);
  return { text: out, lineMap };
}

function withEol(line: PhysicalLine, eol: string): string {
  return line.raw.endsWith('\n') ? line.raw : line.raw + eol;
}

function looksLikeDirective(line: string): boolean {
  try {
    return new DirectiveScanner().scan(line) !== null;
  } catch {
    return false;
  }
}

/**
 * One instruction: its header lines (the instruction line and its
 * continuations, with the comments and empty lines among them) formatted,
 * then its heredoc bodies and terminators copied byte for byte.
 */
function formatInstruction(node: InstructionNode, lines: PhysicalLine[], s: number, e: number, esc: string, eol: string, opt: FormatOptions): string {
  const escCode = esc.charCodeAt(0);
  const header = readHeader(lines, s, e, escCode);
  const h = header[header.length - 1].index;

  const singleLine = header.length === 1;
  let out = formatFirstLine(node, header[0], esc, singleLine) + eol;
  const indent = opt.indent ?? '    ';
  const quotes = new QuoteTracker(escCode);
  quotes.feed(header[0].stripped ?? header[0].text);
  for (let k = 1; k < header.length; k++) {
    const line = header[k];
    if (line.kind === 'empty') {
      out += eol;
      continue;
    }
    let text = line.text;
    const lead = leadingBlanks(text);
    if (line.kind === 'comment') {
      if (opt.reindent) text = indent + text.slice(lead);
      out += trimEndBlanks(text) + eol;
      continue;
    }
    if (node.keyword === 'onbuild') {
      out += text + eol;
      continue;
    }
    // Only white space already there is replaced: adding some where there
    // was none would split a word; inside quotes it is part of a value.
    const part = line.stripped ?? trimEndBlanks(text, escCode);
    let body = part;
    if (opt.reindent && lead > 0 && !quotes.inQuotes) body = indent + part.slice(lead);
    quotes.feed(part);
    out += (line.stripped === null ? body : body + esc) + eol;
  }
  for (let k = h + 1; k <= e; k++) out += withEol(lines[k], eol);
  return out;
}

/** The instruction line: keyword, flags and (on a one-line instruction) the arguments. */
function formatFirstLine(node: InstructionNode, line: HeaderLine, esc: string, singleLine: boolean): string {
  const continues = line.stripped !== null;
  const part = line.stripped ?? trimEndBlanks(line.text, esc.charCodeAt(0));
  const suffix = continues ? esc : '';
  let i = 0;
  while (i < part.length && !isKeywordBlank(part.charCodeAt(i))) i++;
  const word = part.slice(0, i);
  const key = word.toLowerCase();
  // A keyword running on into the next line, or one the parser read
  // differently, is left as written.
  if ((continues && i === part.length) || key !== node.keyword) return part + suffix;
  const keyword = KEYWORDS.has(key) ? word.toUpperCase() : word;
  let j = i;
  while (j < part.length && isKeywordBlank(part.charCodeAt(j))) j++;
  const rest = part.slice(j);
  if (rest === '') return keyword + (continues && j > i ? ' ' : '') + suffix;
  // ONBUILD's instruction goes into the image config as written, trailing
  // blanks included.
  if (key === 'onbuild') return keyword + ' ' + (line.stripped ?? line.text).slice(j) + suffix;
  if (!KEYWORDS.has(key)) return keyword + ' ' + rest + suffix;

  const flags = splitFlags(rest, esc.charCodeAt(0));
  let args = flags.rest;
  if (singleLine && args !== '') args = formatArguments(node, args);
  let body: string;
  if (flags.words.length === 0) body = args;
  else if (args !== '') body = flags.words.join(' ') + ' ' + args;
  // Flags running on into the next line: keep one blank if there was one
  // (none would join two words).
  else body = flags.words.join(' ') + (flags.trailingBlank ? ' ' : '');
  return keyword + ' ' + body + suffix;
}

/** The arguments of a one-line instruction. */
function formatArguments(node: InstructionNode, args: string): string {
  if (node.json) {
    if (node.keyword === 'healthcheck') {
      let i = 0;
      while (i < args.length && !isKeywordBlank(args.charCodeAt(i))) i++;
      let j = i;
      while (j < args.length && isKeywordBlank(args.charCodeAt(j))) j++;
      const json = normaliseJsonArray(args.slice(j));
      return json === null ? args : args.slice(0, i) + ' ' + json;
    }
    return normaliseJsonArray(args) ?? args;
  }
  if (!WORD_LISTS.has(node.keyword)) return args;
  const words = args.split(/[\t\v\f\r ]+/);
  if (node.keyword === 'from' && words.length === 3 && words[1].toLowerCase() === 'as') words[1] = 'AS';
  return words.join(' ');
}

/** The blanks that end an instruction's keyword: `[\t\v\f\r ]`. */
function isKeywordBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || (c >= 0x0b && c <= 0x0d);
}

function hasNonAsciiBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x85 || c === 0xa0) return true;
  }
  return false;
}

/** Go's unicode.IsSpace on a byte (the blanks between flag words). */
function isFlagBlank(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
}

interface Flags {
  /** The flag words as written (quotes and escapes kept). */
  words: string[];
  /** The text after the flags, from its first non-blank character. */
  rest: string;
  /** The flags end with a blank (and nothing follows on this line). */
  trailingBlank: boolean;
}

/**
 * The leading `--flag` words of an instruction's text, as the parser reads
 * them: words end at a blank outside quotes; the escape token escapes the
 * next byte; a word not starting with `--`, or `--` alone, ends the flags.
 */
function splitFlags(text: string, escapeToken: number): Flags {
  const words: string[] = [];
  const n = text.length;
  let pos = 0;
  for (;;) {
    let start = pos;
    while (start < n && isFlagBlank(text.charCodeAt(start))) start++;
    // The parser splits flags at the bytes 0x85 and 0xA0 too, also inside a
    // UTF-8 character: such a separator is left as written (no flags taken).
    if (hasNonAsciiBlank(text, pos, start)) return { words: [], rest: text, trailingBlank: false };
    if (start === n) return { words, rest: '', trailingBlank: start > pos };
    if (text.charCodeAt(start) !== 0x2d || text.charCodeAt(start + 1) !== 0x2d) return { words, rest: text.slice(start), trailingBlank: false };
    let end = start;
    let quote = 0;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (quote === 0 && isFlagBlank(c)) break;
      if (c === escapeToken) end++;
      else if (quote === 0 && (c === 0x27 || c === 0x22)) quote = c;
      else if (c === quote) quote = 0;
      end++;
    }
    const word = text.slice(start, Math.min(end, n));
    if (word === '--') return { words, rest: text.slice(start), trailingBlank: false };
    words.push(word);
    pos = Math.min(end, n);
    if (pos === n) return { words, rest: '', trailingBlank: false };
  }
}

/**
 * A JSON array of strings written `["a", "b"]`, each string exactly as it
 * was written (escapes kept); null when the text is not such an array.
 */
function normaliseJsonArray(text: string): string | null {
  const n = text.length;
  let i = 0;
  const skip = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  skip();
  if (text[i] !== '[') return null;
  i++;
  skip();
  const items: string[] = [];
  if (text[i] === ']') {
    i++;
    skip();
    return i === n ? '[]' : null;
  }
  for (;;) {
    if (text[i] !== '"') return null;
    const start = i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= n) return null;
    i++;
    items.push(text.slice(start, i));
    skip();
    if (text[i] === ',') {
      i++;
      skip();
      continue;
    }
    if (text[i] !== ']') return null;
    i++;
    skip();
    return i === n ? `[${items.join(', ')}]` : null;
  }
}

/** Whether the text so far ends inside single or double quotes (for `reindent`). */
class QuoteTracker {
  private quote = 0;
  constructor(private readonly escapeToken: number) {}

  get inQuotes(): boolean {
    return this.quote !== 0;
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === this.escapeToken && this.quote !== 0x27) i++;
      else if (this.quote === 0 && (c === 0x27 || c === 0x22)) this.quote = c;
      else if (c === this.quote) this.quote = 0;
    }
  }
}

/**
 * The instructions whose parse differs between the original and the
 * formatted text (undefined when none does; 'all' when the file as a whole
 * differs).
 */
function differences(before: ParseResult, formatted: string, opt: FormatOptions): number[] | 'all' | undefined {
  let after: ParseResult;
  try {
    after = parseBytes(formatted);
  } catch (err) {
    if (err instanceof DockerfileError) return 'all';
    throw err;
  }
  if (after.children.length !== before.children.length || after.escapeToken !== before.escapeToken) return 'all';
  if (JSON.stringify(after.directives.map((d) => [d.name, d.value])) !== JSON.stringify(before.directives.map((d) => [d.name, d.value]))) return 'all';
  if (JSON.stringify(after.warnings.map((w) => w.url)) !== JSON.stringify(before.warnings.map((w) => w.url))) return 'all';
  const bad: number[] = [];
  before.children.forEach((b, i) => {
    if (!sameInstruction(b, after.children[i], opt.reindent === true)) bad.push(i);
  });
  return bad.length > 0 ? bad : undefined;
}

const ONBUILD_PREFIX = /^\s*ONBUILD\s*/i;

function sameInstruction(a0: InstructionNode, b0: InstructionNode, reindent: boolean): boolean {
  const text = reindent ? (s: string) => s.replace(/[ \t]+/g, ' ') : (s: string) => s;
  // An ONBUILD's trigger (sub) is compared in turn, without its lines and comments: a loop, as a
  // chain of ONBUILDs is as deep as its line is long.
  for (let a = a0, b = b0, sub = false; ; sub = true) {
    if (a.keyword !== b.keyword || a.json !== b.json) return false;
    if (!sub && a.endLine - a.startLine !== b.endLine - b.startLine) return false;
    if (!sameList(a.flags, b.flags, text) || (!sub && !sameList(a.prevComment, b.prevComment, (s) => s))) return false;
    if (a.args.length !== b.args.length) return false;
    for (let k = 0; k < a.args.length; k++) {
      if (text(a.args[k]) === text(b.args[k])) continue;
      if (a.keyword === 'from' && k === 1 && a.args[k].toLowerCase() === 'as' && b.args[k] === 'AS') continue;
      return false;
    }
    if (JSON.stringify(a.heredocs) !== JSON.stringify(b.heredocs)) return false;
    if ((a.sub === undefined) !== (b.sub === undefined)) return false;
    if (a.sub === undefined || b.sub === undefined) return true;
    if (text(a.original.replace(ONBUILD_PREFIX, '')) !== text(b.original.replace(ONBUILD_PREFIX, ''))) return false;
    a = a.sub;
    b = b.sub;
  }
}

function sameList(a: readonly string[], b: readonly string[], text: (s: string) => string): boolean {
  return a.length === b.length && a.every((x, i) => text(x) === text(b[i]));
}
