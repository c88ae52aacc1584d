// RUN --mount: bind, cache, tmpfs, secret and ssh mounts as upstream turns
// them into ExecOp mounts (dispatchRunMounts, dispatchSecret, dispatchSSH).

import * as llb from '../../../llb/index.ts';
import type { Mount, RunCommand } from '../../instructions/types.ts';
import type { EnvGetter } from '../../shell/types.ts';
import type { DispatchContext } from './context.ts';
import { basePath, cleanPath, joinPath } from '../../../go/path.ts';
import { goQuote } from '../../../go/strconv.ts';
import type { DispatchState } from '../stage-state.ts';

export interface RunMounts {
  mounts: llb.RunMount[];
  secrets: llb.RunSecret[];
  ssh: llb.RunSSH[];
}

function setCacheUIDGID(m: Mount, st: llb.State): llb.State {
  const action = llb.mkdir('/cache', m.mode ?? 0o755, { chown: { user: { uid: m.uid ?? 0 }, group: { uid: m.gid ?? 0 } } });
  return st.file(action, { customName: '[internal] setting cache mount permissions' });
}

export function dispatchRunMounts(d: DispatchState, c: RunCommand, sources: DispatchState[], opt: DispatchContext): RunMounts {
  const out: RunMounts = { mounts: [], secrets: [], ssh: [] };
  c.mounts.forEach((m0, i) => {
    const mount: Mount = { ...m0 };
    if (mount.from === '' && mount.type === 'cache') mount.from = 'scratch';
    let st = opt.buildContext;
    if (mount.from !== '') {
      const src = sources[i];
      st = src.state;
      if (!src.dispatched) {
        throw new Error(`cannot mount from stage ${goQuote(mount.from)} to ${goQuote(mount.target)}, stage needs to be defined before current command`);
      }
    }
    const rm: { -readonly [K in keyof llb.RunMount]: llb.RunMount[K] } = { target: '', source: st };
    if (mount.type === 'tmpfs') {
      st = llb.scratch();
      rm.tmpfs = { size: mount.sizeLimit };
    }
    if (mount.type === 'secret') {
      const s = dispatchSecret(mount);
      d.outline.addMount('secrets', s.id, mount.required, c.location);
      out.secrets.push(s);
      return;
    }
    if (mount.type === 'ssh') {
      const s = dispatchSSH(mount);
      d.outline.addMount('ssh', mount.cacheId === '' ? 'default' : mount.cacheId, mount.required, c.location);
      out.ssh.push(s);
      return;
    }
    if (mount.readOnly) rm.readonly = true;
    else if (mount.type === 'bind' && opt.caps.supports('exec.mount.bind.readwrite-nooutput')) rm.noOutput = true;
    if (mount.type === 'cache') {
      const id = mount.cacheId === '' ? cleanPath(mount.target) : mount.cacheId;
      rm.cache = { id: opt.cacheIdNamespace + '/' + id, sharing: mount.cacheSharing === '' ? 'shared' : mount.cacheSharing };
    }
    let target = mount.target;
    if (!cleanPath(mount.target).startsWith('/')) target = joinPath('/', d.state.getDir(), mount.target);
    if (target === '/') throw new Error(`invalid mount target ${goQuote(target)}`);
    const srcPath = joinPath('/', mount.source);
    if (srcPath !== '/') rm.selector = srcPath;
    else if (mount.uid !== undefined || mount.gid !== undefined || mount.mode !== undefined) {
      st = setCacheUIDGID(mount, st);
      rm.selector = '/cache';
    }
    rm.target = target;
    rm.source = st;
    out.mounts.push(rm);
    if (mount.from === '') d.ctxPaths.add(joinPath('/', mount.source));
    else sources[i].paths.add(joinPath('/', mount.source));
  });
  return out;
}

function dispatchSecret(m: Mount): llb.RunSecret {
  let id = m.cacheId;
  if (m.source !== '') id = m.source;
  if (id === '') {
    if (m.target === '') throw new Error('one of source, target required');
    id = basePath(m.target);
  }
  let target: string | undefined = m.target !== '' ? m.target : undefined;
  if (m.env === undefined) target = m.target !== '' ? m.target : '/run/secrets/' + basePath(id);
  const s: { -readonly [K in keyof llb.RunSecret]: llb.RunSecret[K] } = { id, target, optional: !m.required };
  if (m.env !== undefined) s.env = m.env;
  if (m.uid !== undefined || m.gid !== undefined || m.mode !== undefined) {
    s.uid = m.uid ?? 0;
    s.gid = m.gid ?? 0;
    s.mode = m.mode ?? 0o400;
  }
  return s;
}

function dispatchSSH(m: Mount): llb.RunSSH {
  if (m.source !== '') throw new Error('ssh does not support source');
  const s: { -readonly [K in keyof llb.RunSSH]: llb.RunSSH[K] } = { id: m.cacheId, optional: !m.required };
  if (m.target !== '') s.target = m.target;
  if (m.uid !== undefined || m.gid !== undefined || m.mode !== undefined) {
    s.uid = m.uid ?? 0;
    s.gid = m.gid ?? 0;
    s.mode = m.mode ?? 0o600;
  }
  return s;
}

/** The env for progress names, with secret env values shown as `****`. */
export function withSecretEnvMask(c: RunCommand, env: EnvGetter): EnvGetter {
  const masked = new Map<string, string>();
  for (const m of c.mounts) if (m.type === 'secret' && m.env !== undefined) masked.set(m.env, '****');
  if (masked.size === 0) return env;
  return {
    get: (k) => masked.get(k) ?? env.get(k),
    keys: () => [...env.keys().filter((k) => !masked.has(k)), ...masked.keys()],
  };
}
