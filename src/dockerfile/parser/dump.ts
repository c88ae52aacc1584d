// The AST in BuildKit's Node.Dump() format: one `(keyword ["flags"…] "arg"…)`
// per instruction, ONBUILD wrapping its instruction, heredoc bodies left out.

import type { RawNode } from './arguments.ts';
import { keywordKey } from './arguments.ts';
import type { InstructionNode, ParseResult } from './ast.ts';
import { goQuote } from '../../go/strconv.ts';
import { goQuoteBytes } from './quote.ts';

/**
 * The byte-level nodes behind each result `parse` returned. The AST holds
 * decoded JS strings, where bytes that are not valid UTF-8 (upstream can
 * produce them, e.g. by splitting HEALTHCHECK at a 0xA0 byte) became U+FFFD;
 * upstream's dump prints such bytes as \xNN, and with these it can too.
 */
const RAW = new WeakMap<ParseResult, RawNode[]>();

export function rememberRawNodes(result: ParseResult, nodes: RawNode[]): void {
  RAW.set(result, nodes);
}

interface Dumpable {
  keyword: string;
  flags: string[];
  args: string[];
  sub: Dumpable | null;
}

function dumpNode(n0: Dumpable, quote: (s: string) => string): string {
  // Each node then its sub in parentheses; a loop, as a chain of ONBUILDs is as deep as its line is long.
  const parts: string[] = [];
  let open = 0;
  for (let n: Dumpable | null = n0; n !== null; n = n.sub) {
    let s = n.keyword;
    if (n.flags.length > 0) s += ' [' + n.flags.map(quote).join(' ') + ']';
    for (const a of n.args) s += ' ' + quote(a);
    if (n.sub !== null) {
      s += ' (';
      open++;
    }
    // Upstream trims each node's text; only an empty keyword leaves a blank
    // (JS's trim() would also remove a U+FEFF that Go keeps).
    parts.push(n.keyword === '' ? s.slice(1) : s);
  }
  return parts.join('') + ')'.repeat(open);
}

/** The chain of a node and its subs as Dumpables, built in a loop. */
function chain<T>(n: T, sub: (x: T) => T | null | undefined, node: (x: T) => Omit<Dumpable, 'sub'>): Dumpable {
  const top: Dumpable = { ...node(n), sub: null };
  let last = top;
  for (let x = sub(n); x !== null && x !== undefined; x = sub(x)) {
    const d: Dumpable = { ...node(x), sub: null };
    last.sub = d;
    last = d;
  }
  return top;
}

function fromRaw(n: RawNode): Dumpable {
  return chain(n, (x) => x.sub, (x) => ({ keyword: keywordKey(x.value), flags: x.flags, args: x.args }));
}

function fromAst(n: InstructionNode): Dumpable {
  return chain(n, (x) => x.sub, (x) => ({ keyword: x.keyword, flags: x.flags, args: x.args }));
}

/** The dump of a whole file, without a final newline (as upstream's Dump()). */
export function dump(result: ParseResult): string {
  const raw = RAW.get(result);
  if (raw !== undefined) return raw.map((c) => '(' + dumpNode(fromRaw(c), goQuoteBytes) + ')').join('\n');
  return result.children.map((c) => '(' + dumpNode(fromAst(c), goQuote) + ')').join('\n');
}
