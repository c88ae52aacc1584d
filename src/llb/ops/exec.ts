// ExecOp: a process run over a root filesystem and extra mounts. Marshaling
// follows Go's llb ExecOp.Marshal step by step: mounts sorted by target,
// capabilities recorded for each feature used, secrets and SSH sockets
// appended after the sorted mounts.
import type { Constraints } from '../constraints.ts';
import { addCap, cloneConstraints } from '../constraints.ts';
import { Caps } from '../caps.ts';
import { LLBError } from '../errors.ts';
import type { EnvList } from '../env.ts';
import type { Platform } from '../../platform/platform.ts';
import { indexZero, Output } from '../vertex.ts';
import type { MarshalContext, MarshaledVertex, Vertex } from '../vertex.ts';
import { finishOp, marshalConstraints } from './common.ts';
import type { ExecOp as PbExecOp, Input as PbInput, Meta as PbMeta, Mount as PbMount } from '../../gen/pb.ts';

export type CacheSharing = 'shared' | 'private' | 'locked';
export type ContentCache = 'default' | 'on' | 'off';
export type NetworkMode = 'sandbox' | 'host' | 'none';
export type SecurityMode = 'sandbox' | 'insecure';

/** What an exec reads from the state it runs on (Go keeps these as state values). */
export interface ExecBase {
  readonly root: Output | undefined;
  readonly args: readonly string[] | undefined;
  readonly env: EnvList;
  readonly cwd: string;
  readonly user: string;
  readonly hostname: string;
  readonly cgroupParent: string;
  readonly network: NetworkMode;
  readonly security: SecurityMode;
  readonly extraHosts: readonly { host: string; ip: string }[];
  readonly ulimits: readonly { name: string; soft: number | bigint; hard: number | bigint }[];
  readonly validExitCodes: readonly number[] | undefined;
  readonly platform: Platform | undefined;
}

/** A mount as the exec op keeps it. */
export interface MountModel {
  readonly target: string;
  readonly source: Output | undefined;
  readonly readonly: boolean;
  readonly selector: string;
  readonly cacheId: string;
  readonly cacheSharing: CacheSharing;
  readonly tmpfs: boolean;
  readonly tmpfsSize: number | bigint;
  readonly noOutput: boolean;
  readonly contentCache: ContentCache;
}

export interface SecretModel {
  readonly id: string;
  readonly target: string | undefined;
  readonly env: string | undefined;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
  readonly optional: boolean;
}

export interface SSHModel {
  readonly id: string;
  readonly target: string;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
  readonly optional: boolean;
}

export interface ProxyEnv {
  readonly httpProxy?: string;
  readonly httpsProxy?: string;
  readonly ftpProxy?: string;
  readonly noProxy?: string;
  readonly allProxy?: string;
}

export interface CDIDevice {
  readonly name: string;
  readonly optional?: boolean;
}

export interface ExecSpec {
  readonly base: ExecBase;
  readonly readonlyRoot: boolean;
  readonly mounts: readonly MountModel[];
  readonly secrets: readonly SecretModel[];
  readonly ssh: readonly SSHModel[];
  readonly cdiDevices: readonly CDIDevice[];
  readonly proxyEnv: ProxyEnv | undefined;
  readonly constraints: Constraints;
}

const DEFAULT_PATH_UNIX = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const SHARING = { shared: 0, private: 1, locked: 2 } as const;
const CONTENT_CACHE = { default: 0, on: 1, off: 2 } as const;
const NETWORK = { sandbox: 0, host: 1, none: 2 } as const;
const SECURITY = { sandbox: 0, insecure: 1 } as const;

export class ExecOp implements Vertex {
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx: MarshalContext | undefined = undefined;
  /** @internal */
  marshaled: MarshaledVertex | undefined = undefined;
  /** @internal */
  walkCtx: MarshalContext | undefined = undefined;
  /**
   * Set once the op is marshaled for a daemon that sets PATH itself: Go's
   * ExecOp adds that cap to its own constraints then, so every later marshal
   * of the same op (an SBOM scan's, with no caps) carries it too.
   */
  private setsDefaultPath = false;
  /** Mounts sorted by target, the root mount included (as Go sorts them). */
  private readonly mounts: readonly MountModel[];
  /** The outputs of the root mount then of spec.mounts, in the order given. */
  private readonly outputs: readonly (Output | undefined)[];
  /** The root filesystem after the run; undefined for a read-only scratch root. */
  readonly root: Output | undefined;

  constructor(private readonly spec: ExecSpec) {
    const rootMount: MountModel = {
      target: '/',
      source: spec.base.root,
      readonly: spec.readonlyRoot,
      selector: '',
      cacheId: '',
      cacheSharing: 'shared',
      tmpfs: false,
      tmpfsSize: 0,
      noOutput: false,
      contentCache: 'default',
    };
    // Exactly sized (a spread literal leaves spare capacity, and every exec keeps this array).
    const all = new Array<MountModel>(spec.mounts.length + 1);
    all[0] = rootMount;
    for (let i = 0; i < spec.mounts.length; i++) all[i + 1] = spec.mounts[i]!;
    this.outputs = all.map((m, i) => this.makeOutput(m, i === 0));
    // Sorted in place (stable): the given order is spec.mounts, after the root mount.
    if (!isSortedByTarget(all)) all.sort(compareTargets);
    this.mounts = all;
    this.root = this.outputs[0];
  }

  private makeOutput(m: MountModel, isRoot: boolean): Output | undefined {
    const platform = this.spec.constraints.platform;
    // A read-only mount's output is its source: the exec does not change it.
    if (m.readonly) return m.source;
    if (!isRoot && m.tmpfs) {
      return new Output(this, indexZero, undefined, new LLBError('invalid-mount', `tmpfs mount for ${m.target} can't be used as a parent`));
    }
    if (!isRoot && m.noOutput) {
      return new Output(this, indexZero, undefined, new LLBError('invalid-mount', `mount marked no-output and ${m.target} can't be used as a parent`));
    }
    return new MountOutput(this, m, platform);
  }

  /** @internal The index of a mount's output: its place among the sorted mounts that have outputs. */
  mountOutputIndex(m: MountModel): number {
    let i = 0;
    for (const m2 of this.mounts) {
      if (m2.noOutput || m2.readonly || m2.tmpfs || m2.cacheId !== '') continue;
      if (m2 === m) return i;
      i++;
    }
    throw new LLBError('invalid-mount', `invalid mount: ${m.target}`);
  }

  /** The output of the first mount at `target`. */
  mountOutput(target: string): Output | undefined {
    // The root mount comes first in the given order.
    if (target === '/') return this.outputs[0];
    const given = this.spec.mounts;
    for (let i = 0; i < given.length; i++) if (given[i]!.target === target) return this.outputs[i + 1];
    return undefined;
  }

  inputs(): readonly Output[] {
    const out: Output[] = [];
    for (const m of this.mounts) if (m.source && !out.includes(m.source)) out.push(m.source);
    return out;
  }

  marshalUncached(ctx: MarshalContext): MarshaledVertex {
    const { base } = this.spec;
    if (!base.args || base.args.length === 0) throw new LLBError('invalid-state', 'arguments are required');
    if (base.cwd === '') throw new LLBError('invalid-state', 'working directory is required');
    if (!base.cwd.startsWith('/')) throw new LLBError('invalid-state', `working directory must be absolute: ${base.cwd}`);

    const own = cloneConstraints(this.spec.constraints);
    const c = ctx.constraints;
    let env = base.env;
    const ssh = this.spec.ssh.map((s, i) => (s.target === '' ? { ...s, target: `/run/buildkit/ssh_agent.${i}` } : s));
    if (ssh.length > 0 && env.get('SSH_AUTH_SOCK') === undefined) env = env.set('SSH_AUTH_SOCK', ssh[0]!.target);
    if (c.caps) {
      if (!c.caps.supports(Caps.execMetaSetsDefaultPath)) {
        const os = c.platform?.os ?? own.platform?.os ?? 'linux';
        if (os !== 'windows') env = env.setDefault('PATH', DEFAULT_PATH_UNIX);
      } else this.setsDefaultPath = true;
    }
    if (this.setsDefaultPath) addCap(own, Caps.execMetaSetsDefaultPath);

    const meta: PbMeta = {
      args: [...base.args],
      env: env.toArray(),
      cwd: base.cwd,
      user: base.user,
      hostname: base.hostname,
      cgroupParent: base.cgroupParent,
      removeMountStubsRecursive: true,
    };
    if (base.validExitCodes !== undefined) {
      meta.validExitCodes = [...base.validExitCodes];
      addCap(own, Caps.execValidExitCode);
    }
    if (base.extraHosts.length > 0) meta.extraHosts = base.extraHosts.map((h) => ({ Host: h.host, IP: h.ip }));
    if (base.ulimits.length > 0) {
      addCap(own, Caps.execMetaUlimit);
      meta.ulimit = base.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard }));
    }
    if (own.metadata.linuxResources) addCap(own, Caps.execMetaLinuxResources);

    const exec: PbExecOp = { meta, network: NETWORK[base.network], security: SECURITY[base.security] };
    if (base.network !== 'sandbox') addCap(own, Caps.execMetaNetwork);
    if (base.security === 'insecure') addCap(own, Caps.execMetaSecurity);
    const p = this.spec.proxyEnv;
    if (p) {
      meta.proxy_env = {
        http_proxy: p.httpProxy ?? '',
        https_proxy: p.httpsProxy ?? '',
        ftp_proxy: p.ftpProxy ?? '',
        no_proxy: p.noProxy ?? '',
        all_proxy: p.allProxy ?? '',
      };
      addCap(own, Caps.execMetaProxy);
    }
    addCap(own, Caps.execMetaBase);
    for (const m of this.mounts) {
      if (m.selector !== '') addCap(own, Caps.execMountSelector);
      if (m.cacheId !== '') {
        addCap(own, Caps.execMountCache);
        addCap(own, Caps.execMountCacheSharing);
      } else if (m.tmpfs) {
        addCap(own, Caps.execMountTmpfs);
        if (m.tmpfsSize > 0) addCap(own, Caps.execMountTmpfsSize);
      } else if (m.source) addCap(own, Caps.execMountBind);
      if (m.contentCache !== 'default') addCap(own, Caps.execMountContentCache);
    }
    const secrets = this.spec.secrets;
    if (secrets.length > 0) {
      addCap(own, Caps.execMountSecret);
      if (secrets.some((s) => s.env !== undefined)) addCap(own, Caps.execSecretEnv);
    }
    if (ssh.length > 0) addCap(own, Caps.execMountSSH);
    if (this.spec.cdiDevices.length > 0) {
      addCap(own, Caps.execMetaCDI);
      exec.cdiDevices = this.spec.cdiDevices.map((d) => ({ name: d.name, optional: d.optional ?? false }));
    }
    own.platform ??= base.platform;

    const { op, metadata } = marshalConstraints(c, own);
    const inputs: PbInput[] = [];
    const mounts: PbMount[] = [];
    let outIndex = 0;
    for (const m of this.mounts) {
      let inputIndex = inputs.length;
      if (m.source) {
        if (m.tmpfs) throw new LLBError('invalid-mount', 'tmpfs mounts must use scratch');
        const inp = m.source.toInput(ctx);
        const existing = inputs.findIndex((x) => x.digest === inp.digest && (x.index ?? 0) === (inp.index ?? 0));
        if (existing >= 0) inputIndex = existing;
        else inputs.push(inp);
      } else inputIndex = -1;
      let outputIndex = -1;
      if (!m.noOutput && !m.readonly && m.cacheId === '' && !m.tmpfs) outputIndex = outIndex++;
      const pm: PbMount = {
        input: inputIndex,
        dest: m.target,
        readonly: m.readonly,
        output: outputIndex,
        selector: m.selector,
        contentCache: CONTENT_CACHE[m.contentCache],
      };
      if (m.cacheId !== '') {
        pm.mountType = 3;
        pm.cacheOpt = { ID: m.cacheId, sharing: SHARING[m.cacheSharing] };
      }
      if (m.tmpfs) {
        pm.mountType = 4;
        pm.TmpfsOpt = { size: m.tmpfsSize };
      }
      mounts.push(pm);
    }
    for (const s of secrets) {
      if (s.env !== undefined) (exec.secretenv ??= []).push({ ID: s.id, name: s.env, optional: s.optional });
      if (s.target !== undefined) {
        mounts.push({
          input: -1,
          dest: s.target,
          mountType: 1,
          secretOpt: { ID: s.id, uid: s.uid, gid: s.gid, mode: s.mode, optional: s.optional },
        });
      }
    }
    for (const s of ssh) {
      mounts.push({
        input: -1,
        dest: s.target,
        mountType: 2,
        SSHOpt: { ID: s.id, uid: s.uid, gid: s.gid, mode: s.mode, optional: s.optional },
      });
    }
    exec.mounts = mounts;
    if (inputs.length > 0) op.inputs = inputs;
    op.op = { case: 'exec', value: exec };
    return finishOp(op, metadata, own);
  }
}

function compareTargets(a: MountModel, b: MountModel): number {
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

function isSortedByTarget(ms: readonly MountModel[]): boolean {
  for (let i = 1; i < ms.length; i++) if (compareTargets(ms[i - 1]!, ms[i]!) > 0) return false;
  return true;
}

/** The output of an exec mount; its index depends on the sorted mounts, so it is computed at marshal time. */
class MountOutput extends Output {
  constructor(
    exec: ExecOp,
    private readonly mount: MountModel,
    platform: Platform | undefined,
  ) {
    super(exec, indexZero, platform);
  }

  /** The index once computed (the mounts are sorted when the exec is made, so it does not change). */
  private cachedIndex = -1;

  override outputIndex(): number {
    if (this.cachedIndex < 0) this.cachedIndex = (this.vertex as ExecOp).mountOutputIndex(this.mount);
    return this.cachedIndex;
  }
}
