// One instruction at a time: expands its words against the stage's current
// environment, then changes the stage's LLB state and image config the way
// upstream's dispatch* functions do. The table below has an entry for every
// command kind (a kind without one fails `npm run typecheck`); the entries'
// functions live with their instruction family (run.ts, copy.ts, vars.ts,
// config.ts). How each kind is parsed and which words are expanded is the
// instructions layer's table (instructions/table.ts).

import { expandCommand, expandCommandRaw, supportsRawExpansion, type CommandOf, type Command, type CommandKind } from '../../instructions/index.ts';
import { DockerfileError, type LineRange } from '../../errors.ts';
import { int64Decimal } from '../../../go/strconv.ts';
import * as checks from '../../lint/checks.ts';
import { ExpansionError, ShellLex } from '../../shell/index.ts';
import type { DispatchState, StageCommand } from '../stage-state.ts';
import {
  dispatchCmd,
  dispatchEntrypoint,
  dispatchExpose,
  dispatchHealthcheck,
  dispatchMaintainer,
  dispatchOnbuild,
  dispatchShell,
  dispatchStopSignal,
  dispatchUser,
  dispatchVolume,
  dispatchWorkdir,
} from './config.ts';
import { stateEnv, type DispatchContext } from './context.ts';
import { dispatchAdd, dispatchCopyCommand } from './copy.ts';
import { dispatchRun } from './run.ts';
import { dispatchArg, dispatchEnv, dispatchLabel } from './vars.ts';
import { EMPTY_IMAGE_NAME, lexFor } from '../util.ts';

/** The stages a command may name, for `sources` (registered stages, or an image no FROM names). */
export interface StageLookup {
  byName(name: string): DispatchState | undefined;
  /** Throws `invalid stage index N` when there is no such stage. */
  byIndex(index: bigint): DispatchState;
  /** A stage standing for an image that no FROM names (COPY --from=image, RUN --mount from=image). */
  image(name: string, location: LineRange | undefined): DispatchState;
  /** Whether a word changes under variable expansion (with no variables set). */
  expands(word: string): boolean;
  /**
   * Labs only: the word expanded with the global args and the stage's ARGs
   * above the command (stage-args.ts) when it reads a variable; undefined
   * when it reads none, and the word is then taken as upstream's labs build
   * takes it (`busy\\box` is refused as in stable).
   */
  scoped?: (word: string, flag: string) => string | undefined;
}

/** strconv.Atoi's int64, or undefined for anything it refuses. */
function stageIndex(name: string): bigint | undefined {
  const n = int64Decimal(name);
  return typeof n === 'bigint' ? n : undefined;
}

/** What `COPY --from=NAME` names: a stage by index or name, else an image. */
function fromStage(name: string, stages: StageLookup, location: LineRange | undefined): DispatchState {
  // strconv.Atoi: any int64, so 2^63-1 is an index (past the last stage), not an image.
  const index = stageIndex(name);
  if (index !== undefined) return stages.byIndex(index);
  return stages.byName(name) ?? stages.image(name, location);
}

export interface Handler<C extends Command> {
  /** Changes the stage (its state, image config, paths) for the command, its words already expanded. */
  dispatch(d: DispatchState, cmd: C, opt: DispatchContext, sc: StageCommand): void;
  /** The command is a step of the stage's progress (`[n/total]` in progress names). */
  step?: true;
  /** The command expands its own words (the generic expansion is skipped). */
  ownExpansion?: true;
  /** The stages the command reads from (upstream's toCommand and detectRunMount); none when absent. */
  sources?(cmd: C, stages: StageLookup): DispatchState[];
}

export const handlers = {
  add: { dispatch: dispatchAdd, step: true },
  arg: { dispatch: dispatchArg, ownExpansion: true },
  cmd: { dispatch: dispatchCmd },
  copy: {
    dispatch: dispatchCopyCommand,
    step: true,
    sources(cmd, stages) {
      if (cmd.from === '') return [];
      const scoped = stages.scoped?.(cmd.from, '--from');
      if (scoped !== undefined) return [fromStage(scoped, stages, cmd.location)];
      if (stages.expands(cmd.from)) {
        throw new DockerfileError(
          'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
        );
      }
      return [fromStage(cmd.from, stages, cmd.location)];
    },
  },
  entrypoint: { dispatch: dispatchEntrypoint },
  env: { dispatch: dispatchEnv },
  expose: { dispatch: dispatchExpose },
  healthcheck: { dispatch: dispatchHealthcheck },
  label: { dispatch: dispatchLabel },
  maintainer: { dispatch: dispatchMaintainer },
  onbuild: { dispatch: dispatchOnbuild },
  run: {
    dispatch: dispatchRun,
    step: true,
    sources: (cmd, stages) =>
      cmd.mounts.map((m) => {
        let from = m.from === '' ? EMPTY_IMAGE_NAME : m.from;
        from = stages.scoped?.(from, 'from') ?? from;
        return stages.byName(from) ?? stages.image(from, undefined);
      }),
  },
  shell: { dispatch: dispatchShell },
  stopsignal: { dispatch: dispatchStopSignal },
  user: { dispatch: (d, cmd, opt) => dispatchUser(d, cmd.user, true, opt) },
  volume: { dispatch: dispatchVolume },
  workdir: { dispatch: (d, cmd, opt) => dispatchWorkdir(d, cmd.path, cmd.code, cmd.location, true, opt), step: true },
} satisfies { readonly [K in CommandKind]: Handler<CommandOf<K>> };

/** The table entry of a command, typed for that command. */
export function handlerOf<C extends Command>(cmd: C): Handler<C> {
  // The table is keyed by kind, so this entry is the one for C.
  return handlers[cmd.kind] as unknown as Handler<C>;
}

export function dispatchCommand(d: DispatchState, sc: StageCommand, opt: DispatchContext): void {
  const lint = opt.lint.withCommentConfig(sc.command.comments);
  // A copy of the context only when a comment changes the lint configuration.
  if (lint !== opt.lint) opt = { ...opt, lint };
  // An instruction of an included file (labs INCLUDE) is expanded with that file's escape character.
  const shlex = lexFor(opt.shlex, sc.command.location);
  if (shlex !== opt.shlex) opt = { ...opt, shlex };
  d.cmdIsOnBuild = sc.isOnBuild;
  let cmd: Command = sc.command;
  const handler = handlerOf(cmd);
  const expandReporting = (lex: ShellLex, word: string): string => {
    const env = stateEnv(d.state);
    let res;
    try {
      res = lex.processWordWithMatches(word, env);
    } catch (err) {
      // Upstream reports the variables looked up before the failure, then fails.
      if (err instanceof ExpansionError) checks.reportUnmatchedVariables(sc.command.location, d.buildArgs, env, err.unmatched, opt.lint);
      throw err;
    }
    checks.reportUnmatchedVariables(sc.command.location, d.buildArgs, env, res.unmatched, opt.lint);
    return res.result;
  };
  if (!handler.ownExpansion) cmd = expandCommand(cmd, (word) => expandReporting(opt.shlex, word));
  if (supportsRawExpansion(cmd)) {
    const lex = new ShellLex('\\', { skipProcessQuotes: true });
    cmd = expandCommandRaw(cmd, (word) => expandReporting(lex, word));
  }
  handler.dispatch(d, cmd, opt, sc);
}
