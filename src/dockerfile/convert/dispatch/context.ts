// What dispatching an instruction needs besides the stage it changes: the
// conversion's settings and shared parts (upstream's dispatchOpt), and the
// environment helpers every instruction family uses.

import type * as llb from '../../../llb/index.ts';
import type { CapSet } from '../../../llb/caps.ts';
import type { EnvList } from '../../../llb/env.ts';
import type { ShellLex } from '../../shell/index.ts';
import type { EnvGetter } from '../../shell/types.ts';
import type { IgnoreMatcher } from '../../lint/ignore.ts';
import type { Linter } from '../../lint/linter.ts';
import type { ProxyEnv } from '../args.ts';
import type { Ulimit } from '../types.ts';
import type { Platform } from '../platform.ts';
import type { DispatchStates } from '../stage-state.ts';
import type { Channel } from '../../channel.ts';

export interface DispatchContext {
  /** The syntax channel: labs lowers what stable rejects (docs/labs.md). */
  channel: Channel;
  all: DispatchStates;
  globalArgs: EnvList;
  buildArgValues: Map<string, string>;
  shlex: ShellLex;
  buildContext: llb.State;
  proxyEnv: ProxyEnv | undefined;
  cacheIdNamespace: string;
  targetPlatform: Platform;
  extraHosts: { host: string; ip: string }[];
  shmSize: number | bigint;
  cgroupParent: string;
  ulimits: Ulimit[];
  linuxResources: llb.LinuxResources | undefined;
  caps: CapSet;
  sourceMap: llb.SourceMap;
  epoch: string | undefined;
  /** The epoch in Unix nanoseconds (WORKDIR mkdir times). */
  epochUnixNano: bigint | undefined;
  lint: Linter;
  /** The build context's .dockerignore, for CopyIgnoredFile. */
  dockerIgnore?: IgnoreMatcher;
}

/** The state's environment as an EnvGetter for the shell lexer. */
export function stateEnv(state: llb.State): EnvGetter {
  // The state's (immutable) env list is itself an EnvGetter: no wrapper per lookup site.
  return state.env();
}

/** The stage's text for progress output, with variables expanded as far as known. */
export function processCmdEnv(lex: ShellLex, cmd: string, env: EnvGetter): string {
  try {
    return lex.processWord(cmd, env);
  } catch {
    return cmd;
  }
}

