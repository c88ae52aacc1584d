// The commands that talk to a BuildKit daemon (or stand in for one): only the
// full bundle (src/cli.ts) holds them. Their summaries are in commands.ts.
import type { CommandEntry } from './commands.ts';

export const daemonCommands: Record<string, CommandEntry> = {
  frontend: { load: async () => (await import('./frontend.ts')).frontendCommand },
  rehearse: { load: async () => (await import('./rehearse.ts')).rehearseCommand },
  build: { load: async () => (await import('./build.ts')).buildCommand },
};
