// Variable expansion of instruction fields (upstream's Expand / ExpandRaw
// methods). Pure: each function returns a new command. Fields are expanded in
// upstream's order, so the first failing word and the order variables are
// looked up in match.

import type { WordExpander, WordsExpander } from './expand-types.ts';
import { parseMount } from './run-mount.ts';
import type {
  AddCommand,
  ArgCommand,
  Command,
  CopyCommand,
  EnvCommand,
  ExposeCommand,
  KeyValuePair,
  LabelCommand,
  RunCommand,
  SourcesAndDest,
  StopSignalCommand,
  UserCommand,
  VolumeCommand,
  WorkdirCommand,
} from './types.ts';

/** Commands with fields the converter expands before dispatch (upstream's SupportsSingleWordExpansion). */
export type ExpandableCommand =
  | EnvCommand
  | LabelCommand
  | AddCommand
  | CopyCommand
  | WorkdirCommand
  | RunCommand
  | UserCommand
  | VolumeCommand
  | StopSignalCommand
  | ArgCommand;

/**
 * Whether upstream expands this command's fields generically. ARG is in the
 * set, but upstream's converter skips it and expands defaults itself, since
 * a build-arg may replace the default.
 */
export function supportsExpansion(cmd: Command): cmd is ExpandableCommand {
  switch (cmd.kind) {
    case 'env':
    case 'label':
    case 'add':
    case 'copy':
    case 'workdir':
    case 'run':
    case 'user':
    case 'volume':
    case 'stopsignal':
    case 'arg':
      return true;
    default:
      return false;
  }
}

function expandPairs(pairs: readonly KeyValuePair[], expand: WordExpander): KeyValuePair[] {
  return pairs.map((p) => {
    const key = expand(p.key);
    const value = expand(p.value);
    return { key, value, noDelim: p.noDelim };
  });
}

function expandSourcesAndDest(sd: SourcesAndDest, expand: WordExpander): Pick<SourcesAndDest, 'sourcePaths' | 'destPath'> {
  const sourcePaths = sd.sourcePaths.map((s) => expand(s));
  const destPath = expand(sd.destPath);
  return { sourcePaths, destPath };
}

/** The command with its expandable fields passed through `expand`; others are returned as they are. */
export function expandCommand<C extends Command>(cmd: C, expand: WordExpander): C;
export function expandCommand(cmd: Command, expand: WordExpander): Command {
  switch (cmd.kind) {
    case 'env':
      return { ...cmd, env: expandPairs(cmd.env, expand) };
    case 'label':
      return { ...cmd, labels: expandPairs(cmd.labels, expand) };
    case 'add': {
      const chown = expand(cmd.chown);
      const chmod = expand(cmd.chmod);
      const checksum = expand(cmd.checksum);
      return { ...cmd, chown, chmod, checksum, ...expandSourcesAndDest(cmd, expand) };
    }
    case 'copy': {
      const chown = expand(cmd.chown);
      const chmod = expand(cmd.chmod);
      return { ...cmd, chown, chmod, ...expandSourcesAndDest(cmd, expand) };
    }
    case 'workdir':
      return { ...cmd, path: expand(cmd.path) };
    case 'user':
      return { ...cmd, user: expand(cmd.user) };
    case 'volume':
      return { ...cmd, volumes: cmd.volumes.map((v) => expand(v)) };
    case 'stopsignal':
      return { ...cmd, signal: expand(cmd.signal) };
    case 'arg':
      return {
        ...cmd,
        args: cmd.args.map((a) => {
          const key = expand(a.key);
          const value = a.value === undefined ? undefined : expand(a.value);
          return { ...a, key, value };
        }),
      };
    case 'run':
      // Mount values are expanded one by one while each mount is parsed again in full.
      return { ...cmd, mounts: cmd.mountSpecs.map((spec) => parseMount(spec, expand)) };
    default:
      return cmd;
  }
}

/**
 * Commands whose heredoc bodies are expanded (upstream's
 * SupportsSingleWordExpansionRaw). The converter expands these with a lexer
 * that keeps quotes and always uses `\` as the escape character.
 */
export function supportsRawExpansion(cmd: Command): cmd is AddCommand | CopyCommand {
  return cmd.kind === 'add' || cmd.kind === 'copy';
}

/** ADD/COPY with bodies of heredocs whose delimiter was unquoted passed through `expand`. */
export function expandCommandRaw<C extends AddCommand | CopyCommand>(cmd: C, expand: WordExpander): C {
  return {
    ...cmd,
    sourceContents: cmd.sourceContents.map((c) => (c.expand ? { ...c, data: expand(c.data) } : c)),
  };
}

/** EXPOSE: each port word is expanded and split again into words (done by upstream's converter). */
export function expandExposePorts(cmd: ExposeCommand, expandWords: WordsExpander): ExposeCommand {
  return { ...cmd, ports: cmd.ports.flatMap((p) => expandWords(p)) };
}
