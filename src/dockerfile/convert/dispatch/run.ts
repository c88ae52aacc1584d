// RUN: the command line (shell or exec form, heredocs), its mounts and the
// run options the conversion sets for every ExecOp (upstream's dispatchRun).

import * as llb from '../../../llb/index.ts';
import { Caps } from '../../../llb/caps.ts';
import { isLabs } from '../../channel.ts';
import { goList } from '../../../go/fmt.ts';
import { joinPath } from '../../../go/path.ts';
import { goQuote } from '../../../go/strconv.ts';
import { chompHeredocContent, parseHeredocWord, type RunCommand } from '../../instructions/index.ts';
import { ShellLex } from '../../shell/index.ts';
import type { EnvGetter } from '../../shell/types.ts';
import { commitToHistory, withShell } from '../image.ts';
import type { Platform } from '../platform.ts';
import { prefixCommand, summarizeHeredoc, uppercaseCmd } from '../progress.ts';
import type { DispatchState, StageCommand } from '../stage-state.ts';
import { dfCmd, locationOf } from '../util.ts';
import { processCmdEnv, stateEnv, type DispatchContext } from './context.ts';
import { dispatchRunMounts, withSecretEnvMask } from './mounts.ts';

const CAP_EXEC_CGROUP_PARENT = 'exec.meta.cgroup.parent';

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

export function dispatchRun(d: DispatchState, c: RunCommand, opt: DispatchContext, sc: StageCommand): void {
  const sources = sc.sources;
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
  for (const s of sources) d.readsFrom(s);

  if (c.security !== 'sandbox' && c.security !== 'insecure') throw new Error(`unsupported security mode ${goQuote(c.security as string)}`);
  // RUN --device: upstream's labs build asks for the CDI devices; its stable
  // build rejects them. Both do nothing when the daemon lacks exec.meta.cdi.
  let cdiDevices: llb.CDIDevice[] | undefined;
  if (c.devices.length > 0 && opt.caps.supports(Caps.execMetaCDI)) {
    if (!isLabs(opt.channel)) throw new Error('device feature is only supported in Dockerfile frontend 1.14.0-labs or later');
    cdiDevices = c.devices.map((dev) => (dev.required ? { name: dev.name } : { name: dev.name, optional: true }));
  }

  const rawLex = new ShellLex(opt.shlex.escapeToken, { rawQuotes: true, skipUnsetEnv: true });
  const pl = d.state.getPlatform() as Platform | undefined;
  const name = prefixCommand(d, uppercaseCmd(processCmdEnv(rawLex, customName, withSecretEnvMask(c, env))), d.prefixPlatform, pl, env);

  const run: llb.RunOptions = {
    args,
    ...dfCmd(c.code),
    sourceLocations: locationOf(opt.sourceMap, c.location),
    // Labs RUN --no-cache: this exec and every step built on it skip the cache (docs/labs.md).
    ignoreCache: d.skipsCache() || c.noCache || undefined,
    proxyEnv: opt.proxyEnv,
    mounts: [...extraMounts, ...mounts.mounts],
    secrets: mounts.secrets,
    ssh: mounts.ssh,
    security: c.security === 'insecure' ? 'insecure' : 'sandbox',
    cdiDevices,
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
  if (c.noCache) d.noCacheAfter = true;
  commitToHistory(d.image, 'RUN ' + runCommandString(args, d.buildArgs, env), true, true, opt.epoch);
}

