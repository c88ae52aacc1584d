// The commands that talk to a BuildKit daemon (or stand in for one): only the
// full bundle (src/cli.ts) holds them. Their summaries are in commands.ts.
import { digestsByNodeCrypto } from '../llb/sha256.ts';
import type { CommandEntry } from './commands.ts';

// These commands load gRPC, and with it node:crypto, whose SHA-256 is faster
// than @noble/hashes on code that has only just started (src/llb/sha256.ts).
export const daemonCommands: Record<string, CommandEntry> = {
  frontend: { load: async () => (digestsByNodeCrypto(), await import('./frontend.ts')).frontendCommand },
  rehearse: { load: async () => (digestsByNodeCrypto(), await import('./rehearse.ts')).rehearseCommand },
  build: { load: async () => (digestsByNodeCrypto(), await import('./build.ts')).buildCommand },
};
