// Every CLI command, by name: its one-line summary, and its module, loaded
// only when the command runs (a command's module and all it imports are
// evaluated then; `llb` does not load the linter, the formatter, the
// BuildKit client or the gRPC stack).
//
// The commands that work on files alone (`coreCommands`) are also bundled on
// their own, without the BuildKit client, the gateway frontend and gRPC:
// dist/dockerfile-llb-core.js (src/cli-core.ts), about a quarter of the full
// bundle's size, which the entry point (scripts/launcher.cjs) runs for them.
// The others, which talk to a daemon, are in daemon-commands.ts.
import type { Command } from './common.ts';

export interface CommandEntry {
  load(): Promise<Command>;
}

/** Each command's one-line summary, in the order the usage lists them. */
export const summaries: Record<string, string> = {
  llb: 'convert a Dockerfile to LLB',
  'dump-llb': 'print a marshaled LLB definition as JSON lines (as buildctl debug dump-llb)',
  parse: 'print the Dockerfile AST (BuildKit dump format)',
  frontend: 'run as a BuildKit gateway frontend (stdin/stdout gRPC)',
  outline: 'list the build args, secrets and ssh a target uses',
  targets: 'list the stages a Dockerfile can build',
  lint: "run BuildKit's build checks (--call check) with no daemon",
  fmt: 'format Dockerfiles, keeping comments and the build unchanged',
  rehearse: 'build a sample once against canned gateway answers (for the code cache)',
  build: 'build a Dockerfile on a BuildKit daemon (frontend in process)',
};

/** The commands that need no daemon (scripts/launcher.cjs lists the same names). */
export const coreCommands: Record<string, CommandEntry> = {
  llb: { load: async () => (await import('./llb.ts')).llbCommand },
  'dump-llb': { load: async () => (await import('./dump-llb.ts')).dumpLlb },
  parse: { load: async () => (await import('./parse.ts')).parseCommand },
  outline: { load: async () => (await import('./outline.ts')).outlineCommand },
  targets: { load: async () => (await import('./targets.ts')).targetsCommand },
  lint: { load: async () => (await import('./lint.ts')).lintCommand },
  fmt: { load: async () => (await import('./fmt.ts')).fmtCommand },
};
