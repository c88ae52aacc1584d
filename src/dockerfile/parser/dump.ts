// The AST in BuildKit's Node.Dump() format: one `(keyword ["flags"…] "arg"…)`
// per instruction, ONBUILD wrapping its instruction, heredoc bodies left out.

import type { InstructionNode, ParseResult } from './ast.ts';
import { goQuote } from './quote.ts';

function dumpInstruction(n: InstructionNode): string {
  let s = n.keyword;
  if (n.flags.length > 0) s += ' [' + n.flags.map(goQuote).join(' ') + ']';
  for (const a of n.args) s += ' ' + goQuote(a);
  if (n.sub !== undefined) s += ' (' + dumpInstruction(n.sub) + ')';
  // Upstream trims each node's text; only an empty keyword leaves a blank
  // (JS's trim() would also remove a U+FEFF that Go keeps).
  return n.keyword === '' ? s.slice(1) : s;
}

/** The dump of a whole file, without a final newline (as upstream's Dump()). */
export function dump(result: ParseResult): string {
  return result.children.map((c) => '(' + dumpInstruction(c) + ')').join('\n');
}
