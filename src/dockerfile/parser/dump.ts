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

function dumpNode(n: Dumpable, quote: (s: string) => string): string {
  let s = n.keyword;
  if (n.flags.length > 0) s += ' [' + n.flags.map(quote).join(' ') + ']';
  for (const a of n.args) s += ' ' + quote(a);
  if (n.sub !== null) s += ' (' + dumpNode(n.sub, quote) + ')';
  // Upstream trims each node's text; only an empty keyword leaves a blank
  // (JS's trim() would also remove a U+FEFF that Go keeps).
  return n.keyword === '' ? s.slice(1) : s;
}

function fromRaw(n: RawNode): Dumpable {
  return { keyword: keywordKey(n.value), flags: n.flags, args: n.args, sub: n.sub === null ? null : fromRaw(n.sub) };
}

function fromAst(n: InstructionNode): Dumpable {
  return { keyword: n.keyword, flags: n.flags, args: n.args, sub: n.sub === undefined ? null : fromAst(n.sub) };
}

/** The dump of a whole file, without a final newline (as upstream's Dump()). */
export function dump(result: ParseResult): string {
  const raw = RAW.get(result);
  if (raw !== undefined) return raw.map((c) => '(' + dumpNode(fromRaw(c), goQuoteBytes) + ')').join('\n');
  return result.children.map((c) => '(' + dumpNode(fromAst(c), goQuote) + ')').join('\n');
}
