// The instructions that set the image config (and WORKDIR's directory):
// MAINTAINER, ONBUILD, CMD, ENTRYPOINT, HEALTHCHECK, EXPOSE, USER, VOLUME,
// STOPSIGNAL, SHELL, WORKDIR (upstream's dispatch functions of the same names).

import * as llb from '../../../llb/index.ts';
import { goList, goQuoteList } from '../../../go/fmt.ts';
import { goDuration } from '../../../go/time.ts';
import type { LineRange } from '../../errors.ts';
import type {
  CmdCommand,
  EntrypointCommand,
  ExposeCommand,
  HealthCheckCommand,
  MaintainerCommand,
  OnbuildCommand,
  ShellCommand,
  StopSignalCommand,
  VolumeCommand,
} from '../../instructions/index.ts';
import * as checks from '../../lint/checks.ts';
import * as rules from '../../lint/rules.ts';
import { parsePorts } from '../expose.ts';
import { commitToHistory, ownMap, withShell } from '../image.ts';
import { prefixCommand, uppercaseCmd } from '../progress.ts';
import { validateSignal } from '../signal.ts';
import type { DispatchState } from '../stage-state.ts';
import { locationOf } from '../util.ts';
import { processCmdEnv, stateEnv, type DispatchContext } from './context.ts';
import { normalizeWorkdir, toSlash } from '../../../platform/system-path.ts';
import { setKey } from '../../../go/maps.ts';

export function dispatchMaintainer(d: DispatchState, cmd: MaintainerCommand, opt: DispatchContext): void {
  d.image.author = cmd.maintainer;
  commitToHistory(d.image, `MAINTAINER ${cmd.maintainer}`, false, false, opt.epoch);
}

export function dispatchOnbuild(d: DispatchState, cmd: OnbuildCommand): void {
  (d.image.config.OnBuild ??= []).push(cmd.expression);
}

export function dispatchCmd(d: DispatchState, cmd: CmdCommand, opt: DispatchContext): void {
  checks.validateUsedOnce(cmd, d.trackers.cmd, opt.lint);
  d.cmdSet = true;
  let args = cmd.cmdLine ?? [];
  if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(rules.JSONArgsRecommended, cmd.location, cmd.name);
  if (cmd.prependShell) args = withShell(d.image, args);
  d.image.config.Cmd = args;
  d.image.config.ArgsEscaped = true;
  commitToHistory(d.image, `CMD ${goQuoteList(args)}`, false, false, opt.epoch);
}

export function dispatchEntrypoint(d: DispatchState, cmd: EntrypointCommand, opt: DispatchContext): void {
  checks.validateUsedOnce(cmd, d.trackers.entrypoint, opt.lint);
  let args: string[] | undefined = cmd.cmdLine ?? undefined;
  if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(rules.JSONArgsRecommended, cmd.location, cmd.name);
  if (cmd.prependShell) args = withShell(d.image, args ?? []);
  if (args === undefined) delete d.image.config.Entrypoint;
  else d.image.config.Entrypoint = args;
  if (!d.cmdSet) delete d.image.config.Cmd;
  commitToHistory(d.image, `ENTRYPOINT ${goQuoteList(args)}`, false, false, opt.epoch);
}

export function dispatchHealthcheck(d: DispatchState, cmd: HealthCheckCommand, opt: DispatchContext): void {
  checks.validateUsedOnce(cmd, d.trackers.healthcheck, opt.lint);
  const h = cmd.health;
  d.image.config.Healthcheck = {
    Test: h.test,
    Interval: h.interval,
    Timeout: h.timeout,
    StartPeriod: h.startPeriod,
    StartInterval: h.startInterval,
    Retries: h.retries,
  };
  const text =
    `{Test:${goList(h.test)} Interval:${goDuration(h.interval)} Timeout:${goDuration(h.timeout)} ` +
    `StartPeriod:${goDuration(h.startPeriod)} StartInterval:${goDuration(h.startInterval)} Retries:${h.retries}}`;
  commitToHistory(d.image, `HEALTHCHECK ${text}`, false, false, opt.epoch);
}

/** EXPOSE: each port word is expanded and split into words here, then parsed. */
export function dispatchExpose(d: DispatchState, cmd: ExposeCommand, opt: DispatchContext): void {
  const env = stateEnv(d.state);
  const words = cmd.ports.flatMap((p) => opt.shlex.processWords(p, env));
  const portWarnings: { rule: 'ExposeProtoCasing' | 'ExposeInvalidFormat'; port: string }[] = [];
  let ports: string[];
  try {
    ports = parsePorts(words, portWarnings);
  } finally {
    // Upstream reports each port as it parses it, so findings before a bad port still count.
    for (const w of portWarnings) opt.lint.run(rules[w.rule], cmd.location, w.port);
  }
  const set = ownMap(d.image.config, 'ExposedPorts');
  for (const p of ports) setKey(set, p, {});
  commitToHistory(d.image, `EXPOSE ${goList(ports)}`, false, false, opt.epoch);
}

export function dispatchVolume(d: DispatchState, cmd: VolumeCommand, opt: DispatchContext): void {
  const vols = ownMap(d.image.config, 'Volumes');
  for (const v of cmd.volumes) {
    if (v === '') throw new Error('VOLUME specified can not be an empty string');
    setKey(vols, v, {});
  }
  commitToHistory(d.image, `VOLUME ${goList(cmd.volumes)}`, false, false, opt.epoch);
}

export function dispatchStopSignal(d: DispatchState, cmd: StopSignalCommand, opt: DispatchContext): void {
  validateSignal(cmd.signal);
  d.image.config.StopSignal = cmd.signal;
  commitToHistory(d.image, `STOPSIGNAL ${cmd.signal}`, false, false, opt.epoch);
}

export function dispatchShell(d: DispatchState, cmd: ShellCommand, opt: DispatchContext): void {
  d.image.config.Shell = [...cmd.shell];
  commitToHistory(d.image, `SHELL ${goList(cmd.shell)}`, false, false, opt.epoch);
}

export function dispatchUser(d: DispatchState, user: string, commit: boolean, opt: DispatchContext): void {
  d.state = d.state.user(user);
  d.image.config.User = user;
  if (commit) commitToHistory(d.image, `USER ${user}`, false, false, opt.epoch);
}

/** WORKDIR (or the base image's WorkingDir when `commit` is false). */
export function dispatchWorkdir(
  d: DispatchState,
  path: string,
  code: string | undefined,
  location: LineRange | undefined,
  commit: boolean,
  opt: DispatchContext,
): void {
  const os = (d.platform ?? opt.targetPlatform).os;
  if (commit) {
    checks.validateWorkdir(path, os, d.workdirSet, location, opt.lint);
    d.workdirSet = true;
  }
  let configWd: string;
  try {
    configWd = normalizeWorkdir(d.image.config.WorkingDir ?? '', path, os);
  } catch (err) {
    throw new Error(`normalizing workdir: ${(err as Error).message}`);
  }
  // The config keeps the target's separators (`\app` on Windows); LLB paths are slash paths.
  d.image.config.WorkingDir = configWd;
  const wd = toSlash(configWd, os);
  d.state = d.state.dir(wd);
  if (!commit) return;
  let withLayer = false;
  if (wd !== '/') {
    const platform = d.platform ?? opt.targetPlatform;
    const env = stateEnv(d.state);
    const user = d.image.config.User;
    const action = llb.mkdir(wd, 0o755, {
      makeParents: true,
      chown: user ? llb.chownFromString(user) : undefined,
      createdTime: opt.epochUnixNano,
    });
    d.state = d.state.file(action, {
      customName: prefixCommand(d, uppercaseCmd(processCmdEnv(opt.shlex, code ?? '', env)), d.prefixPlatform, platform, env),
      sourceLocations: locationOf(opt.sourceMap, location),
      platform: d.platform,
      // Only labs RUN --no-cache before it (upstream's WORKDIR keeps its cache under the no-cache option).
      ignoreCache: d.noCacheAfter || undefined,
    });
    withLayer = true;
  }
  commitToHistory(d.image, 'WORKDIR ' + wd, withLayer, false, opt.epoch);
}
