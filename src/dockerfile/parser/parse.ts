// The Dockerfile parser: one pass over the physical lines, joining
// continuations, reading directives, comments and heredoc bodies, and
// producing the AST with BuildKit's line ranges, warnings and errors.

import { DockerfileError, type LineRange } from '../errors.ts';
import type { Directive, Heredoc, InstructionNode, ParseResult, ParseWarning } from './ast.ts';
import { canContainHeredoc, keywordKey, nodeFromLine, type RawNode } from './arguments.ts';
import { fromByteString, hasInvalidUTF8, keepBytes, skipSpaces, toByteString, trimSpace } from './bytes.ts';
import { checkEscapeToken, DirectiveScanner, toDirective } from './directives.ts';
import { heredocsFromLine } from './heredoc.ts';
import { rememberRawNodes } from './dump.ts';
import { LineScanner } from './lines.ts';

const BOM = '\xef\xbb\xbf';

const EMPTY_CONTINUATION_DETAIL = 'Empty continuation lines will become errors in a future release';
const EMPTY_CONTINUATION_URL = 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/';

/** Upstream's trimNewline: drops every trailing \r and \n. */
export function trimNewline(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c !== 0x0a && c !== 0x0d) break;
    end--;
  }
  return end === s.length ? s : s.slice(0, end);
}

/** A comment line: `#` is its first non-blank character. */
export function isComment(s: string): boolean {
  return s.charCodeAt(skipSpaces(s, 0)) === 0x23;
}

/**
 * Removes a line-continuation escape: the escape token followed only by
 * spaces or tabs at the end, unless another escape token precedes it
 * (upstream's regex `([^\X])\X[ \t]*$|^\X[ \t]*$`). Null when the line does
 * not continue.
 */
export function stripContinuation(s: string, escapeToken: number): string | null {
  let i = s.length - 1;
  while (i >= 0) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i--;
  }
  if (i < 0 || s.charCodeAt(i) !== escapeToken) return null;
  if (i > 0 && s.charCodeAt(i - 1) === escapeToken) return null;
  return s.slice(0, i);
}

/**
 * Adds a location to a user error (upstream's withLocation). Anything else is
 * a bug in this parser and is passed on untouched, never disguised.
 */
function located(err: unknown, range: LineRange): unknown {
  if (err instanceof DockerfileError) return new DockerfileError(err.message, [...err.ranges, range]);
  return err;
}

class Parser {
  private readonly scanner: LineScanner;
  private readonly directives = new DirectiveScanner();
  private escapeToken = 0x5c;
  private currentLine = 0;
  private comments: string[] = [];
  private readonly children: InstructionNode[] = [];
  private readonly rawChildren: RawNode[] = [];
  private readonly warnings: ParseWarning[] = [];
  private readonly found: Directive[] = [];

  constructor(
    src: string,
    private readonly allowNoInstructions: boolean,
  ) {
    this.scanner = new LineScanner(src);
  }

  /** Trims a line, applies directives, and blanks out comments (upstream's processLine). */
  private processLine(raw: string, stripLeft: boolean): { text: string; directive: boolean } {
    let text = trimNewline(raw);
    if (stripLeft) {
      const i = skipSpaces(text, 0);
      if (i > 0) text = text.slice(i);
    }
    let directive = false;
    if (!this.directives.finished) {
      let d;
      try {
        d = this.directives.scan(text);
        if (d !== null && d.name === 'escape') {
          this.escapeToken = checkEscapeToken(d.value).charCodeAt(0);
        }
      } catch (err) {
        // Upstream reports these at the 0-based index of the line.
        throw located(err, { start: this.currentLine, end: this.currentLine });
      }
      if (d !== null) {
        directive = true;
        this.found.push(toDirective(d));
      }
    }
    return { text: isComment(text) ? '' : text, directive };
  }

  run(): ParseResult {
    const sc = this.scanner;
    while (sc.next()) {
      let raw = sc.line;
      if (this.currentLine === 0 && raw.startsWith(BOM)) raw = raw.slice(3);
      if (isComment(raw)) {
        // Upstream drops only the first byte, so `  # x` gives `# x`.
        const comment = trimSpace(raw.slice(1));
        if (comment === '') this.comments = [];
        // Kept as upstream keeps them: a byte that is no UTF-8 stays that byte (not U+FFFD, which an
        // ARG key has in its place: a description of `ARG \xff` never matches).
        else this.comments.push(keepBytes(comment));
      }
      const first = this.processLine(raw, true);
      if (first.directive) this.comments.pop();
      this.currentLine++;
      const startLine = this.currentLine;

      let stripped = stripContinuation(first.text, this.escapeToken);
      if (stripped === null && first.text.length === 0) continue;
      const parts: string[] = [stripped ?? first.text];

      let emptyContinuation = false;
      while (stripped !== null && sc.next()) {
        const next = this.processLine(sc.line, false);
        this.currentLine++;
        if (isComment(sc.line)) continue;
        if (skipSpaces(next.text, 0) === next.text.length) {
          emptyContinuation = true;
          continue;
        }
        stripped = stripContinuation(next.text, this.escapeToken);
        parts.push(stripped ?? next.text);
      }
      const line = parts.length === 1 ? parts[0] : parts.join('');

      if (emptyContinuation) {
        this.warnings.push({
          short: 'Empty continuation line found in: ' + fromByteString(line),
          detail: [EMPTY_CONTINUATION_DETAIL],
          url: EMPTY_CONTINUATION_URL,
          location: { start: this.currentLine, end: this.currentLine },
        });
      }

      let node: RawNode;
      const heredocs: Heredoc[] = [];
      try {
        node = nodeFromLine(line, this.escapeToken);
        if (canContainHeredoc(node) && line.includes('<<')) {
          for (const h of heredocsFromLine(line)) {
            const content = this.readHeredocBody(h.name, h.chomp);
            if (content === null) throw new DockerfileError('unterminated heredoc');
            heredocs.push({
              name: fromByteString(h.name),
              content: keepBytes(content),
              expand: h.expand,
              chomp: h.chomp,
              fileDescriptor: h.fileDescriptor,
            });
          }
        }
      } catch (err) {
        throw located(err, { start: startLine, end: Math.max(startLine, this.currentLine) });
      }

      this.children.push(toInstruction(node, startLine, this.currentLine, this.comments, heredocs));
      this.rawChildren.push(node);
      this.comments = [];
    }

    if (this.children.length === 0 && !this.allowNoInstructions) {
      throw new DockerfileError('file with no instructions', [{ start: this.currentLine, end: this.currentLine }]);
    }
    if (sc.tooLong) {
      throw new DockerfileError('dockerfile line greater than max allowed size of 65535', [
        { start: this.currentLine, end: this.currentLine },
      ]);
    }
    const result: ParseResult = {
      children: this.children,
      escapeToken: String.fromCharCode(this.escapeToken),
      warnings: this.warnings,
      directives: this.found,
      startLine: this.children[0]?.startLine ?? 0,
      endLine: this.children[this.children.length - 1]?.endLine ?? 0,
    };
    rememberRawNodes(result, this.rawChildren);
    return result;
  }

  /** Reads body lines up to the terminator; null at end of input. */
  private readHeredocBody(name: string, chomp: boolean): string | null {
    const sc = this.scanner;
    const bodyStart = sc.offset;
    while (sc.next()) {
      this.currentLine++;
      const lineStart = sc.offset - sc.line.length;
      let candidate = trimNewline(sc.line);
      if (chomp) {
        let t = 0;
        while (candidate.charCodeAt(t) === 0x09) t++;
        if (t > 0) candidate = candidate.slice(t);
      }
      if (candidate === name) return sc.source.slice(bodyStart, lineStart);
    }
    return null;
  }
}

function toInstruction(
  n: RawNode,
  startLine: number,
  endLine: number,
  prevComment: string[],
  heredocs: Heredoc[],
): InstructionNode {
  // ONBUILD's trigger (sub) and its own, in a loop: a chain of ONBUILDs (refused
  // later) is as deep as its line is long. Each node's text ends in its
  // trigger's, so the kept text of a deeper one is shared, not made again
  // (where an ASCII byte comes before it, no UTF-8 sequence spans the cut).
  const chain: RawNode[] = [];
  for (let r: RawNode | null = n; r !== null; r = r.sub) chain.push(r);
  const originals: string[] = new Array<string>(chain.length);
  for (let k = chain.length - 1; k >= 0; k--) {
    const o = chain[k]!.original;
    const inner = k + 1 < chain.length ? chain[k + 1]!.original : undefined;
    const shared = inner !== undefined && o.length > inner.length && o.charCodeAt(o.length - inner.length - 1) < 0x80 && o.endsWith(inner);
    originals[k] = shared ? keepBytes(o.slice(0, o.length - inner.length)) + originals[k + 1]! : keepBytes(o);
  }
  let top: InstructionNode | undefined;
  let parent: InstructionNode | undefined;
  chain.forEach((r, k) => {
    const node: InstructionNode = {
      keyword: keywordKey(r.value),
      rawKeyword: fromByteString(r.value),
      original: originals[k]!,
      flags: r.flags.map(keepBytes),
      args: r.args.map(keepBytes),
      json: r.json,
      heredocs: k === 0 ? heredocs : [],
      startLine,
      endLine,
      prevComment: k === 0 ? prevComment : [],
    };
    if (hasInvalidUTF8(r.value)) node.keywordInvalidUTF8 = true;
    if (r.args.some(hasInvalidUTF8)) node.argBytes = [...r.args];
    if (parent === undefined) top = node;
    else parent.sub = node;
    parent = node;
  });
  return top!;
}

/**
 * Parses a Dockerfile exactly as BuildKit v0.32.2's parser does. Throws a
 * DockerfileError (with upstream's text and line range) for a user mistake.
 * `allowNoInstructions` (labs INCLUDE): a file of comments, directives and
 * blank lines only gives no children instead of upstream's error; its other
 * errors (a line too long) stay.
 */
export function parse(input: string | Uint8Array, opt: { allowNoInstructions?: boolean } = {}): ParseResult {
  return new Parser(toByteString(input), opt.allowNoInstructions === true).run();
}
