// The typed Dockerfile instructions (upstream's instructions package): one
// type per instruction, all keyed by `kind`, each keeping the AST node it came
// from so later stages can point errors and progress output at the source.

import type { LineRange } from '../errors.ts';
import type { InstructionNode } from '../parser/ast.ts';

/** Fields every command shares (upstream's withNameAndCode). */
export interface CommandBase {
  /** The instruction keyword as written, e.g. `RUN` or `run` (upstream's Name()). */
  name: string;
  /** The instruction text with surrounding whitespace trimmed (upstream's String()). */
  code: string;
  /** Lines the instruction spans. */
  location: LineRange;
  /** Comment lines directly above the instruction. */
  comments: string[];
  node: InstructionNode;
}

/** A `key=value` pair of ENV or LABEL; `noDelim` marks the legacy `key value` form. */
export interface KeyValuePair {
  key: string;
  value: string;
  noDelim: boolean;
}

/** One name of ARG, with its default when given (`ARG name[=value]`). */
export interface ArgDefinition {
  key: string;
  /** Undefined when the ARG has no `=`. */
  value: string | undefined;
  /** Text after `<key> ` in a comment line above the ARG. */
  docComment: string;
}

/** A heredoc used as a COPY/ADD source (upstream's SourceContent). */
export interface SourceContent {
  /** The heredoc name; used as the file name. */
  path: string;
  data: string;
  /** Whether the body is subject to variable expansion (delimiter unquoted). */
  expand: boolean;
}

export interface SourcesAndDest {
  destPath: string;
  sourcePaths: string[];
  sourceContents: SourceContent[];
}

/** A heredoc attached to RUN/CMD/ENTRYPOINT (upstream's ShellInlineFile). */
export interface ShellInlineFile {
  name: string;
  data: string;
  chomp: boolean;
}

/** The command line of RUN, CMD and ENTRYPOINT. */
export interface ShellDependentCmdLine {
  /** Exec form: the JSON array; shell form: a single string. Null only for `ENTRYPOINT []`. */
  cmdLine: string[] | null;
  files: ShellInlineFile[];
  /** True for the shell form. */
  prependShell: boolean;
}

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type ShareMode = 'shared' | 'private' | 'locked';

/** One `RUN --mount` (upstream's instructions.Mount). */
export interface Mount {
  type: MountType;
  from: string;
  source: string;
  target: string;
  readOnly: boolean;
  /** tmpfs size in bytes; 0 when not given (a bigint beyond 2^53). */
  sizeLimit: number | bigint;
  /** The `id` key (cache id, secret id or ssh id). */
  cacheId: string;
  /** Empty when not given. */
  cacheSharing: ShareMode | '';
  required: boolean;
  env: string | undefined;
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
}

/** One `RUN --device`. */
export interface Device {
  name: string;
  required: boolean;
}

export type NetworkMode = 'default' | 'none' | 'host';
export type SecurityMode = 'sandbox' | 'insecure';

/** Healthcheck settings; durations are nanoseconds (0 means unset; a bigint beyond 2^53). */
export interface HealthConfig {
  test: string[];
  interval: number | bigint;
  timeout: number | bigint;
  startPeriod: number | bigint;
  startInterval: number | bigint;
  retries: number;
}

export interface EnvCommand extends CommandBase {
  kind: 'env';
  env: KeyValuePair[];
}

export interface MaintainerCommand extends CommandBase {
  kind: 'maintainer';
  maintainer: string;
}

export interface LabelCommand extends CommandBase {
  kind: 'label';
  labels: KeyValuePair[];
}

export interface AddCommand extends CommandBase, SourcesAndDest {
  kind: 'add';
  chown: string;
  chmod: string;
  link: boolean;
  excludePatterns: string[];
  /** Undefined unless `--keep-git-dir` was given. */
  keepGitDir: boolean | undefined;
  checksum: string;
  /** Undefined unless `--unpack` was given. */
  unpack: boolean | undefined;
  /** Labs `--optional`: a source that does not exist is skipped (docs/labs.md); absent in stable. */
  optional?: boolean;
}

export interface CopyCommand extends CommandBase, SourcesAndDest {
  kind: 'copy';
  from: string;
  chown: string;
  chmod: string;
  link: boolean;
  excludePatterns: string[];
  parents: boolean;
  /** Labs `--optional`: a source that does not exist is skipped (docs/labs.md); absent in stable. */
  optional?: boolean;
}

export interface OnbuildCommand extends CommandBase {
  kind: 'onbuild';
  /** The trigger as stored in the image config: text after ONBUILD plus heredoc bodies. */
  expression: string;
}

export interface WorkdirCommand extends CommandBase {
  kind: 'workdir';
  path: string;
}

export interface RunCommand extends CommandBase, ShellDependentCmdLine {
  kind: 'run';
  /** Names of the flags given, in order of first use. */
  flagsUsed: string[];
  /** The raw `--mount` values, kept for parsing again once they are expanded. */
  mountSpecs: string[];
  /**
   * The mounts. Before expansion only `from` is known (it decides stage
   * dependencies); `expandCommand` fills in the rest, as upstream does.
   */
  mounts: Mount[];
  network: NetworkMode;
  security: SecurityMode;
  devices: Device[];
  /** Labs `--no-cache`: this step never comes from the cache (docs/labs.md); absent in stable. */
  noCache?: boolean;
}

export interface CmdCommand extends CommandBase, ShellDependentCmdLine {
  kind: 'cmd';
}

export interface HealthCheckCommand extends CommandBase {
  kind: 'healthcheck';
  health: HealthConfig;
}

export interface EntrypointCommand extends CommandBase, ShellDependentCmdLine {
  kind: 'entrypoint';
}

export interface ExposeCommand extends CommandBase {
  kind: 'expose';
  /** Sorted as strings at parse time, like upstream. */
  ports: string[];
}

export interface UserCommand extends CommandBase {
  kind: 'user';
  user: string;
}

export interface VolumeCommand extends CommandBase {
  kind: 'volume';
  volumes: string[];
}

export interface StopSignalCommand extends CommandBase {
  kind: 'stopsignal';
  signal: string;
}

export interface ArgCommand extends CommandBase {
  kind: 'arg';
  args: ArgDefinition[];
}

export interface ShellCommand extends CommandBase {
  kind: 'shell';
  shell: string[];
}

/** Every instruction that may appear inside a stage. */
export type Command =
  | EnvCommand
  | MaintainerCommand
  | LabelCommand
  | AddCommand
  | CopyCommand
  | OnbuildCommand
  | WorkdirCommand
  | RunCommand
  | CmdCommand
  | HealthCheckCommand
  | EntrypointCommand
  | ExposeCommand
  | UserCommand
  | VolumeCommand
  | StopSignalCommand
  | ArgCommand
  | ShellCommand;

export type CommandKind = Command['kind'];

/** A FROM instruction and the commands that follow it (upstream's Stage). */
export interface Stage {
  kind: 'stage';
  /** Lower-cased stage name; empty when the stage has no `AS`. */
  name: string;
  commands: Command[];
  /** The FROM keyword as written (upstream's OrigCmd). */
  origCmd: string;
  /** The image or stage the stage starts from, unexpanded. */
  baseName: string;
  /** The `--platform` value, unexpanded; empty when not given. */
  platform: string;
  /** Text after `<name> ` in a comment line above FROM. */
  docComment: string;
  /** The FROM instruction, trimmed. */
  sourceCode: string;
  location: LineRange;
  comments: string[];
  node: InstructionNode;
}

/** What `parseInstruction` returns: a stage start or a command. */
export type Instruction = Stage | Command;
