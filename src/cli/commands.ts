import type { Command } from './common.ts';

/** Every CLI command, by name. */
export const commands: Record<string, Command> = {};
