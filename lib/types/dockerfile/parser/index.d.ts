export type { Directive, Heredoc, InstructionNode, ParseResult, ParseWarning } from './ast.js';
export { parse } from './parse.js';
export { dump } from './dump.js';
export { chompHeredocContent, parseHeredoc } from './heredoc.js';
export { findDirective, type DetectedDirective, type DirectiveKey } from './directives.js';
