// Public surface of the shell word expander.

export { ExpansionError, ShellLex } from './lex.ts';
export type { EscapeToken, ShellLexOptions } from './lex.ts';
export { envsFromRecord, envsFromSlice } from './env.ts';
export type { EnvGetter, ProcessWordResult } from './types.ts';
