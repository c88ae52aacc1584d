import type { Command } from './common.ts';
import { llbCommand } from './llb.ts';
import { dumpLlb } from './dump-llb.ts';
import { frontendCommand } from './frontend.ts';
import { parseCommand } from './parse.ts';

/** Every CLI command, by name. */
export const commands: Record<string, Command> = {};
commands.llb = llbCommand;
commands['dump-llb'] = dumpLlb;
commands.parse = parseCommand;
commands.frontend = frontendCommand;
