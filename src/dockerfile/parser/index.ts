// The Dockerfile parser stage: text in, BuildKit-exact AST out.

export type { Directive, Heredoc, InstructionNode, ParseResult, ParseWarning } from './ast.ts';
export { parse } from './parse.ts';
export { dump } from './dump.ts';
export { chompHeredocContent, parseHeredoc } from './heredoc.ts';
export { findDirective, type DetectedDirective, type DirectiveKey } from './directives.ts';
