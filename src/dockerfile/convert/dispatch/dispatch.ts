// One instruction at a time: expands its words against the stage's current
// environment, then changes the stage's LLB state and image config the way
// upstream's dispatch* functions do.

import * as llb from '../../../llb/index.ts';
import { Caps } from '../../../llb/caps.ts';
import { chompHeredocContent, expandCommand, expandCommandRaw, parseHeredocWord, supportsExpansion, supportsRawExpansion, type ArgCommand, type Command, type RunCommand } from '../../instructions/index.ts';
import { ExpansionError, ShellLex } from '../../shell/index.ts';
import type { LineRange } from '../../errors.ts';
import type { EnvGetter } from '../../shell/types.ts';
import { dispatchCopy } from './copy.ts';
import { processCmdEnv, stateEnv, type DispatchContext } from './context.ts';
import { parsePorts } from '../expose.ts';
import { goDuration } from '../../../go/time.ts';
import { goList, goQuoteList } from '../../../go/fmt.ts';
import { addEnv, commitToHistory, withShell } from '../image.ts';
import { joinPath } from '../../../go/path.ts';
import { normalizePath } from '../paths.ts';
import type { Platform } from '../platform.ts';
import { prefixCommand, summarizeHeredoc, uppercaseCmd } from '../progress.ts';
import { dispatchRunMounts, withSecretEnvMask } from './mounts.ts';
import { validateSignal } from '../signal.ts';
import type { DispatchState, StageCommand } from '../stage-state.ts';
import { dfCmd, locationOf } from '../util.ts';
import * as checks from '../../lint/checks.ts';
import * as rules from '../../lint/rules.ts';

const CAP_EXEC_CGROUP_PARENT = 'exec.meta.cgroup.parent';

export function dispatchCommand(d: DispatchState, sc: StageCommand, opt: DispatchContext): void {
  const lint = opt.lint.withCommentConfig(sc.command.comments);
  // A copy of the context only when a comment changes the lint configuration.
  if (lint !== opt.lint) opt = { ...opt, lint };
  d.cmdIsOnBuild = sc.isOnBuild;
  let cmd: Command = sc.command;
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
  if (supportsExpansion(cmd) && cmd.kind !== 'arg') {
    cmd = expandCommand(cmd, (word) => expandReporting(opt.shlex, word));
  }
  if (supportsRawExpansion(cmd)) {
    const lex = new ShellLex('\\', { skipProcessQuotes: true });
    cmd = expandCommandRaw(cmd, (word) => expandReporting(lex, word));
  }
  switch (cmd.kind) {
    case 'maintainer':
      d.image.author = cmd.maintainer;
      commitToHistory(d.image, `MAINTAINER ${cmd.maintainer}`, false, false, opt.epoch);
      return;
    case 'env': {
      let msg = 'ENV';
      for (const e of cmd.env) {
        checks.validateKeyValuePairs('ENV', cmd.name, [e], cmd.location, opt.lint);
        msg += ` ${e.key}=${e.value}`;
        d.state = d.state.addEnv(e.key, e.value);
        d.image.config.Env = addEnv(d.image.config.Env, e.key, e.value);
      }
      commitToHistory(d.image, msg, false, false, opt.epoch);
      return;
    }
    case 'run':
      dispatchRun(d, cmd, sc.sources, opt);
      return;
    case 'workdir':
      dispatchWorkdir(d, cmd.path, cmd.code, cmd.location, true, opt);
      return;
    case 'add':
      dispatchCopy(d, {
        params: cmd,
        excludePatterns: cmd.excludePatterns,
        source: opt.buildContext,
        isAddCommand: true,
        code: cmd.code,
        chown: cmd.chown,
        chmod: cmd.chmod,
        link: cmd.link,
        keepGitDir: cmd.keepGitDir,
        checksum: cmd.checksum,
        unpack: cmd.unpack,
        parents: false,
        location: cmd.location,
        ignoreMatcher: opt.dockerIgnore,
        opt,
      });
      for (const src of cmd.sourcePaths) {
        if (!src.startsWith('http://') && !src.startsWith('https://')) d.ctxPaths.add(joinPath('/', src));
      }
      return;
    case 'label': {
      let msg = 'LABEL';
      const labels = (d.image.config.Labels ??= {});
      for (const l of cmd.labels) {
        checks.validateKeyValuePairs('LABEL', cmd.name, [l], cmd.location, opt.lint);
        labels[l.key] = l.value;
        msg += ` ${l.key}=${l.value}`;
      }
      commitToHistory(d.image, msg, false, false, opt.epoch);
      return;
    }
    case 'onbuild':
      (d.image.config.OnBuild ??= []).push(cmd.expression);
      return;
    case 'cmd': {
      checks.validateUsedOnce(cmd, d.trackers.cmd, opt.lint);
      d.cmdSet = true;
      let args = cmd.cmdLine ?? [];
      if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(rules.JSONArgsRecommended, cmd.location, cmd.name);
      if (cmd.prependShell) args = withShell(d.image, args);
      d.image.config.Cmd = args;
      d.image.config.ArgsEscaped = true;
      commitToHistory(d.image, `CMD ${goQuoteList(args)}`, false, false, opt.epoch);
      return;
    }
    case 'entrypoint': {
      checks.validateUsedOnce(cmd, d.trackers.entrypoint, opt.lint);
      let args: string[] | undefined = cmd.cmdLine ?? undefined;
      if (cmd.prependShell && (d.image.config.Shell ?? []).length === 0) opt.lint.run(rules.JSONArgsRecommended, cmd.location, cmd.name);
      if (cmd.prependShell) args = withShell(d.image, args ?? []);
      if (args === undefined) delete d.image.config.Entrypoint;
      else d.image.config.Entrypoint = args;
      if (!d.cmdSet) delete d.image.config.Cmd;
      commitToHistory(d.image, `ENTRYPOINT ${goQuoteList(args)}`, false, false, opt.epoch);
      return;
    }
    case 'healthcheck': {
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
      return;
    }
    case 'expose': {
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
      const set = (d.image.config.ExposedPorts ??= {});
      for (const p of ports) set[p] = {};
      commitToHistory(d.image, `EXPOSE ${goList(ports)}`, false, false, opt.epoch);
      return;
    }
    case 'user':
      dispatchUser(d, cmd.user, true, opt);
      return;
    case 'volume': {
      const vols = (d.image.config.Volumes ??= {});
      for (const v of cmd.volumes) {
        if (v === '') throw new Error('VOLUME specified can not be an empty string');
        vols[v] = {};
      }
      commitToHistory(d.image, `VOLUME ${goList(cmd.volumes)}`, false, false, opt.epoch);
      return;
    }
    case 'stopsignal':
      validateSignal(cmd.signal);
      d.image.config.StopSignal = cmd.signal;
      commitToHistory(d.image, `STOPSIGNAL ${cmd.signal}`, false, false, opt.epoch);
      return;
    case 'shell':
      d.image.config.Shell = [...cmd.shell];
      commitToHistory(d.image, `SHELL ${goList(cmd.shell)}`, false, false, opt.epoch);
      return;
    case 'arg':
      dispatchArg(d, cmd, opt);
      return;
    case 'copy': {
      let source = opt.buildContext;
      if (sc.sources.length > 0) {
        const src = sc.sources[0];
        if (!src.dispatched) {
          throw new Error(`cannot copy from stage "${cmd.from}", it needs to be defined before current stage "${d.stageName}"`);
        }
        source = src.state;
      }
      dispatchCopy(d, {
        params: cmd,
        excludePatterns: cmd.excludePatterns,
        source,
        isAddCommand: false,
        code: cmd.code,
        chown: cmd.chown,
        chmod: cmd.chmod,
        link: cmd.link,
        keepGitDir: undefined,
        checksum: '',
        unpack: undefined,
        parents: cmd.parents,
        location: cmd.location,
        ignoreMatcher: sc.sources.length === 0 ? opt.dockerIgnore : undefined,
        opt,
      });
      const paths = sc.sources.length === 0 ? d.ctxPaths : sc.sources[0].paths;
      for (const src of cmd.sourcePaths) paths.add(joinPath('/', src));
      return;
    }
  }
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
  if (commit) {
    checks.validateWorkdir(path, (d.platform ?? opt.targetPlatform).os, d.workdirSet, location, opt.lint);
    d.workdirSet = true;
  }
  const wd = normalizePath(d.image.config.WorkingDir ?? '', path, false);
  d.image.config.WorkingDir = wd;
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
    });
    withLayer = true;
  }
  commitToHistory(d.image, 'WORKDIR ' + wd, withLayer, false, opt.epoch);
}


function dispatchArg(d: DispatchState, c: ArgCommand, opt: DispatchContext): void {
  const commitStrs: string[] = [];
  for (const a of c.args) {
    checks.validateNoSecretKey('ARG', a.key, c.location, opt.lint);
    const arg = { ...a };
    const hasValue = opt.buildArgValues.has(arg.key);
    let hasDefault = arg.value !== undefined;
    // An ARG that only takes the global value is outlined as the meta ARG.
    let skipArgInfo = false;
    if (!hasDefault && !hasValue) {
      const v = opt.globalArgs.get(arg.key);
      if (v !== undefined) {
        arg.value = v;
        skipArgInfo = true;
        hasDefault = false;
      }
    }
    if (hasValue) {
      arg.value = opt.buildArgValues.get(arg.key);
    } else if (hasDefault) {
      const env = stateEnv(d.state);
      let res;
      try {
        res = opt.shlex.processWordWithMatches(arg.value as string, env);
      } catch (err) {
        if (err instanceof ExpansionError) checks.reportUnmatchedVariables(c.location, d.buildArgs, env, err.unmatched, opt.lint);
        throw err;
      }
      checks.reportUnmatchedVariables(c.location, d.buildArgs, env, res.unmatched, opt.lint);
      arg.value = res.result;
    }
    if (arg.value !== undefined && arg.key !== 'BUILDKIT_SBOM_SCAN_CONTEXT' && arg.key !== 'BUILDKIT_SBOM_SCAN_STAGE') {
      d.state = d.state.addEnv(arg.key, arg.value);
    }
    if (!skipArgInfo) {
      d.outline.allArgs.set(arg.key, { key: arg.key, docComment: arg.docComment, value: arg.value ?? '', deps: new Set(), location: c.location });
    }
    d.outline.usedArgs.add(arg.key);
    d.buildArgs.push(arg);
    commitStrs.push(arg.value === undefined ? arg.key : `${arg.key}=${arg.value}`);
  }
  commitToHistory(d.image, 'ARG ' + commitStrs.join(' '), false, false, opt.epoch);
}

function runCommandString(args: string[], buildArgs: DispatchState['buildArgs'], env: EnvGetter): string {
  const tmp: string[] = [];
  const idx = new Map<string, number>();
  for (const arg of buildArgs) {
    const v = env.get(arg.key) ?? arg.value ?? '';
    const i = idx.get(arg.key);
    if (i !== undefined) tmp[i] = `${arg.key}=${v}`;
    else {
      idx.set(arg.key, tmp.length);
      tmp.push(`${arg.key}=${v}`);
    }
  }
  const prefix = tmp.length > 0 ? [`|${tmp.length}`, ...tmp] : [];
  return [...prefix, ...args].join(' ');
}

function dispatchRun(d: DispatchState, c: RunCommand, sources: DispatchState[], opt: DispatchContext): void {
  let customName = c.code;
  d.paths.add('/');
  const extraMounts: llb.RunMount[] = [];
  let args = c.cmdLine ?? [];
  if (c.files.length > 0) {
    if (args.length !== 1 || !c.prependShell) {
      throw new Error(`parsing produced an invalid run command: ${goList(args)}`);
    }
    const heredoc = parseHeredocWord(args[0]);
    if (heredoc !== undefined) {
      const file = c.files[0];
      const data = file.chomp ? chompHeredocContent(file.data) : file.data;
      if (d.image.os !== 'windows' && data.startsWith('#!')) {
        const st = llb
          .scratch()
          .dir('/')
          .file(llb.mkfile(file.name, 0o755, data), { customName: '[internal] preparing inline document', platform: d.platform });
        extraMounts.push({ target: '/dev/pipes/', source: st, selector: '/', readonly: true });
        args = [joinPath('/dev/pipes/', file.name)];
      } else {
        args = [data];
      }
      customName += ` (${summarizeHeredoc(file.data)})`;
    } else {
      let b = args[0];
      for (const f of c.files) b += '\n' + f.data + f.name;
      args = [b];
    }
  }
  if (c.prependShell) args = withShell(d.image, args);

  const env = stateEnv(d.state);
  const mounts = dispatchRunMounts(d, c, sources, opt);

  if (c.security !== 'sandbox' && c.security !== 'insecure') throw new Error(`unsupported security mode "${c.security as string}"`);
  if (c.devices.length > 0 && opt.caps.supports(Caps.execMetaCDI)) {
    throw new Error('device feature is only supported in Dockerfile frontend 1.14.0-labs or later');
  }

  const rawLex = new ShellLex(opt.shlex.escapeToken, { rawQuotes: true, skipUnsetEnv: true });
  const pl = d.state.getPlatform() as Platform | undefined;
  const name = prefixCommand(d, uppercaseCmd(processCmdEnv(rawLex, customName, withSecretEnvMask(c, env))), d.prefixPlatform, pl, env);

  const run: llb.RunOptions = {
    args,
    ...dfCmd(c.code),
    sourceLocations: locationOf(opt.sourceMap, c.location),
    ignoreCache: d.ignoreCache || undefined,
    proxyEnv: opt.proxyEnv,
    mounts: [...extraMounts, ...mounts.mounts],
    secrets: mounts.secrets,
    ssh: mounts.ssh,
    security: c.security === 'insecure' ? 'insecure' : 'sandbox',
    network: c.network === 'default' ? undefined : c.network,
    customName: name,
    extraHosts: opt.extraHosts,
    cgroupParent: opt.caps.supports(CAP_EXEC_CGROUP_PARENT) && opt.cgroupParent ? opt.cgroupParent : undefined,
    ulimits: opt.caps.supports(Caps.execMetaUlimit) ? opt.ulimits : undefined,
    linuxResources: opt.caps.supports(Caps.execMetaLinuxResources) ? opt.linuxResources : undefined,
  };
  const shm: llb.RunMount[] =
    opt.shmSize > 0 && opt.caps.supports(Caps.execMountTmpfsSize) ? [{ target: '/dev/shm', source: llb.scratch(), tmpfs: { size: opt.shmSize } }] : [];
  d.state = d.state.run({ ...run, mounts: [...(run.mounts ?? []), ...shm] }).root();
  commitToHistory(d.image, 'RUN ' + runCommandString(args, d.buildArgs, env), true, true, opt.epoch);
}

