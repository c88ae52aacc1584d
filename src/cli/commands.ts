// Every CLI command, by name: its one-line summary, and its module, loaded
// only when the command runs (a command's module and all it imports are
// evaluated then; `llb` does not load the linter, the formatter, the
// BuildKit client or the gRPC stack).
import type { Command } from './common.ts';

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  llb: { summary: 'convert a Dockerfile to LLB', load: async () => (await import('./llb.ts')).llbCommand },
  'dump-llb': { summary: 'print a marshaled LLB definition as JSON lines (as buildctl debug dump-llb)', load: async () => (await import('./dump-llb.ts')).dumpLlb },
  parse: { summary: 'print the Dockerfile AST (BuildKit dump format)', load: async () => (await import('./parse.ts')).parseCommand },
  frontend: { summary: 'run as a BuildKit gateway frontend (stdin/stdout gRPC)', load: async () => (await import('./frontend.ts')).frontendCommand },
  outline: { summary: 'list the build args, secrets and ssh a target uses', load: async () => (await import('./outline.ts')).outlineCommand },
  targets: { summary: 'list the stages a Dockerfile can build', load: async () => (await import('./targets.ts')).targetsCommand },
  lint: { summary: "run BuildKit's build checks (--call check) with no daemon", load: async () => (await import('./lint.ts')).lintCommand },
  fmt: { summary: 'format Dockerfiles, keeping comments and the build unchanged', load: async () => (await import('./fmt.ts')).fmtCommand },
  rehearse: { summary: 'build a sample once against canned gateway answers (for the code cache)', load: async () => (await import('./rehearse.ts')).rehearseCommand },
  build: { summary: 'build a Dockerfile on a BuildKit daemon (frontend in process)', load: async () => (await import('./build.ts')).buildCommand },
};
