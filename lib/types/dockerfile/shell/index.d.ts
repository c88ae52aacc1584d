export { ExpansionError, ShellLex } from './lex.js';
export type { EscapeToken, ShellLexOptions } from './lex.js';
export { envsFromRecord, envsFromSlice } from './env.js';
export type { EnvGetter, ProcessWordResult } from './types.js';
