// Variable expansion of instruction fields (upstream's Expand / ExpandRaw
// methods), one function per instruction; the instruction table
// (table.ts) says which instruction has which. Pure: each function returns a
// new command. Fields are expanded in upstream's order, so the first failing
// word and the order variables are looked up in match.

import type { WordExpander, WordsExpander } from './expand-types.ts';
import { parseMount } from './run-mount.ts';
import type {
  AddCommand,
  ArgCommand,
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

export const expandEnv = (cmd: EnvCommand, expand: WordExpander): EnvCommand => ({ ...cmd, env: expandPairs(cmd.env, expand) });

export const expandLabel = (cmd: LabelCommand, expand: WordExpander): LabelCommand => ({ ...cmd, labels: expandPairs(cmd.labels, expand) });

export function expandAdd(cmd: AddCommand, expand: WordExpander): AddCommand {
  const chown = expand(cmd.chown);
  const chmod = expand(cmd.chmod);
  const checksum = expand(cmd.checksum);
  return { ...cmd, chown, chmod, checksum, ...expandSourcesAndDest(cmd, expand) };
}

export function expandCopy(cmd: CopyCommand, expand: WordExpander): CopyCommand {
  const chown = expand(cmd.chown);
  const chmod = expand(cmd.chmod);
  return { ...cmd, chown, chmod, ...expandSourcesAndDest(cmd, expand) };
}

export const expandWorkdir = (cmd: WorkdirCommand, expand: WordExpander): WorkdirCommand => ({ ...cmd, path: expand(cmd.path) });

export const expandUser = (cmd: UserCommand, expand: WordExpander): UserCommand => ({ ...cmd, user: expand(cmd.user) });

export const expandVolume = (cmd: VolumeCommand, expand: WordExpander): VolumeCommand => ({ ...cmd, volumes: cmd.volumes.map((v) => expand(v)) });

export const expandStopSignal = (cmd: StopSignalCommand, expand: WordExpander): StopSignalCommand => ({ ...cmd, signal: expand(cmd.signal) });

export function expandArg(cmd: ArgCommand, expand: WordExpander): ArgCommand {
  return {
    ...cmd,
    args: cmd.args.map((a) => {
      const key = expand(a.key);
      const value = a.value === undefined ? undefined : expand(a.value);
      return { ...a, key, value };
    }),
  };
}

/** RUN: mount values are expanded one by one while each mount is parsed again in full. */
export const expandRun = (cmd: RunCommand, expand: WordExpander): RunCommand => ({ ...cmd, mounts: cmd.mountSpecs.map((spec) => parseMount(spec, expand)) });

/**
 * ADD/COPY heredoc bodies whose delimiter was unquoted (upstream's
 * ExpandRaw). The converter expands these with a lexer that keeps quotes and
 * always uses `\` as the escape character.
 */
export function expandSourceContents<C extends AddCommand | CopyCommand>(cmd: C, expand: WordExpander): C {
  return {
    ...cmd,
    sourceContents: cmd.sourceContents.map((c) => (c.expand ? { ...c, data: expand(c.data) } : c)),
  };
}

/** EXPOSE: each port word is expanded and split again into words (done by upstream's converter). */
export function expandExposePorts(cmd: ExposeCommand, expandWords: WordsExpander): ExposeCommand {
  return { ...cmd, ports: cmd.ports.flatMap((p) => expandWords(p)) };
}
