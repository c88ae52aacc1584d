import type { Command } from './common.ts';
import { llbCommand } from './llb.ts';
import { dumpLlb } from './dump-llb.ts';
import { frontendCommand } from './frontend.ts';
import { parseCommand } from './parse.ts';
import { outlineCommand } from './outline.ts';
import { targetsCommand } from './targets.ts';
import { lintCommand } from './lint.ts';
import { fmtCommand } from './fmt.ts';
import { rehearseCommand } from './rehearse.ts';
import { buildCommand } from './build.ts';

/** Every CLI command, by name. */
export const commands: Record<string, Command> = {};
commands.llb = llbCommand;
commands['dump-llb'] = dumpLlb;
commands.parse = parseCommand;
commands.frontend = frontendCommand;
commands.outline = outlineCommand;
commands.targets = targetsCommand;
commands.lint = lintCommand;
commands.fmt = fmtCommand;
commands.rehearse = rehearseCommand;
commands.build = buildCommand;
