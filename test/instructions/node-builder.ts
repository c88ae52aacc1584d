// Hand-built InstructionNodes for tests that feed shapes a parser would not
// produce (upstream's own tests build parser.Node values by hand the same way).

import type { InstructionNode } from '../../src/dockerfile/parser/ast.ts';

export function node(keyword: string, args: string[], extra: Partial<InstructionNode> = {}): InstructionNode {
  return {
    keyword: keyword.toLowerCase(),
    rawKeyword: keyword,
    original: [keyword, ...args].join(' '),
    flags: [],
    args,
    json: false,
    heredocs: [],
    startLine: 1,
    endLine: 1,
    prevComment: [],
    ...extra,
  };
}
