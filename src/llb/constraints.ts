// Constraints: the per-op settings (platform, worker filters, metadata,
// source locations) that Go's llb passes as ConstraintsOpt values. Here they
// are one plain options object; `resolveConstraints` turns it into the
// mutable record an op keeps while it is built.
import { argumentError, isPlatformObject } from './args.ts';
import type { CapSet } from './caps.ts';
import type { Platform } from '../platform/platform.ts';
import type { SourceLocation } from './sourcemap.ts';
import type { OpMetadata as PbOpMetadata, LinuxResources as PbLinuxResources } from '../gen/pb.ts';

/** A progress group: vertices in one group are shown together. */
export interface ProgressGroup {
  readonly id: string;
  readonly name: string;
  readonly weak?: boolean;
}

/** cgroup resource limits for an exec (OpMetadata.linux_resources). */
/** int64 and uint64 values: a bigint beyond 2^53. */
export interface LinuxResources {
  readonly memory?: number | bigint;
  readonly memorySwap?: number | bigint;
  readonly cpuShares?: number | bigint;
  readonly cpuPeriod?: number | bigint;
  readonly cpuQuota?: number | bigint;
  readonly cpusetCpus?: string;
  readonly cpusetMems?: string;
}

/** Options accepted wherever Go's llb accepts a ConstraintsOpt. */
export interface ConstraintsOptions {
  /** The platform of the op (for marshal: the default platform of every op). */
  readonly platform?: Platform;
  /** Worker constraint filters (Go's llb.Require). */
  readonly workerConstraints?: readonly string[];
  /** Never use the cache for this op (Go's llb.IgnoreCache). */
  readonly ignoreCache?: boolean;
  /** Entries for OpMetadata.description. */
  readonly description?: Readonly<Record<string, string>>;
  /** The name shown in progress output (description key "llb.customname"); applied after `description`. */
  readonly customName?: string;
  /** OpMetadata.export_cache: true or false sets it, undefined leaves it unset. */
  readonly exportCache?: boolean;
  readonly progressGroup?: ProgressGroup;
  readonly linuxResources?: LinuxResources;
  /** The id that makes local sources without a session unique (random per marshal unless set). */
  readonly localUniqueId?: string;
  /** Capabilities of the daemon; when given, an exec without exec.meta.setsdefaultpath gets a default PATH. */
  readonly caps?: CapSet;
  /** Where this op comes from in a source file (see SourceMap.location). */
  readonly sourceLocations?: readonly SourceLocation[];
}

/** The metadata an op carries in Definition.metadata, before encoding. */
export interface OpMetadata {
  ignoreCache: boolean;
  description: Record<string, string> | undefined;
  exportCache: { value: boolean } | undefined;
  caps: Set<string> | undefined;
  progressGroup: ProgressGroup | undefined;
  linuxResources: LinuxResources | undefined;
}

/** Resolved constraints; ops add capabilities to `metadata.caps` while marshaling. */
export interface Constraints {
  platform: Platform | undefined;
  workerConstraints: string[];
  metadata: OpMetadata;
  localUniqueId: string | undefined;
  caps: CapSet | undefined;
  sourceLocations: SourceLocation[];
}

export function emptyMetadata(): OpMetadata {
  return {
    ignoreCache: false,
    description: undefined,
    exportCache: undefined,
    caps: undefined,
    progressGroup: undefined,
    linuxResources: undefined,
  };
}

/** Applies options, in Go's option semantics, onto fresh constraints. */
export function resolveConstraints(...opts: (ConstraintsOptions | undefined)[]): Constraints {
  const c: Constraints = {
    platform: undefined,
    workerConstraints: [],
    metadata: emptyMetadata(),
    localUniqueId: undefined,
    caps: undefined,
    sourceLocations: [],
  };
  for (const o of opts) if (o) applyConstraints(c, o);
  return c;
}

const sharedConstraintsByCap = new Map<string, Constraints>();

/**
 * resolveConstraints(opts) plus `cap`, for an op that only reads its
 * constraints (marshaling clones them): when `opts` sets nothing, one frozen
 * object shared by every such op, so a large graph keeps no constraints,
 * metadata and arrays per op.
 */
export function resolveSharedConstraints(opts: ConstraintsOptions, cap?: string): Constraints {
  if (!setsNothing(opts)) {
    const c = resolveConstraints(opts);
    if (cap !== undefined) addCap(c, cap);
    return c;
  }
  const key = cap ?? '';
  let c = sharedConstraintsByCap.get(key);
  if (c === undefined) {
    c = resolveConstraints();
    if (cap !== undefined) addCap(c, cap);
    Object.freeze(c.workerConstraints);
    Object.freeze(c.sourceLocations);
    Object.freeze(c.metadata);
    Object.freeze(c);
    sharedConstraintsByCap.set(key, c);
  }
  return c;
}

/** Whether applyConstraints(c, o) leaves c as it is. */
function setsNothing(o: ConstraintsOptions): boolean {
  return (
    !o.platform &&
    !o.workerConstraints &&
    !o.ignoreCache &&
    !o.description &&
    o.customName === undefined &&
    o.exportCache === undefined &&
    !o.progressGroup &&
    !o.linuxResources &&
    o.localUniqueId === undefined &&
    !o.caps &&
    !o.sourceLocations
  );
}

export function applyConstraints(c: Constraints, o: ConstraintsOptions): void {
  if (o.platform) {
    if (!isPlatformObject(o.platform)) throw argumentError('llb', 'platform', 'a platform object { os, architecture, variant? }', o.platform);
    c.platform = o.platform;
  }
  if (o.workerConstraints) c.workerConstraints.push(...o.workerConstraints);
  if (o.ignoreCache) c.metadata.ignoreCache = true;
  if (o.description) c.metadata.description = { ...c.metadata.description, ...o.description };
  if (o.customName !== undefined) c.metadata.description = { ...c.metadata.description, 'llb.customname': o.customName };
  if (o.exportCache !== undefined) c.metadata.exportCache = { value: o.exportCache };
  if (o.progressGroup) c.metadata.progressGroup = { ...o.progressGroup };
  if (o.linuxResources) c.metadata.linuxResources = { ...c.metadata.linuxResources, ...o.linuxResources };
  if (o.localUniqueId !== undefined) c.localUniqueId = o.localUniqueId;
  if (o.caps) c.caps = o.caps;
  if (o.sourceLocations) c.sourceLocations.push(...o.sourceLocations);
}

/** A copy that ops may extend without touching the original. */
export function cloneConstraints(c: Constraints): Constraints {
  return {
    platform: c.platform,
    workerConstraints: [...c.workerConstraints],
    metadata: cloneMetadata(c.metadata),
    localUniqueId: c.localUniqueId,
    caps: c.caps,
    sourceLocations: [...c.sourceLocations],
  };
}

export function cloneMetadata(m: OpMetadata): OpMetadata {
  return {
    ignoreCache: m.ignoreCache,
    description: m.description ? { ...m.description } : undefined,
    exportCache: m.exportCache,
    caps: m.caps ? new Set(m.caps) : undefined,
    progressGroup: m.progressGroup,
    linuxResources: m.linuxResources,
  };
}

export function isEmptyMetadata(m: OpMetadata): boolean {
  return (
    !m.ignoreCache &&
    m.description === undefined &&
    m.exportCache === undefined &&
    (m.caps === undefined || m.caps.size === 0) &&
    m.progressGroup === undefined &&
    m.linuxResources === undefined
  );
}

export function addCap(c: Constraints, id: string): void {
  (c.metadata.caps ??= new Set()).add(id);
}

/** Shared metadata objects (see shareMetadata), with their encoding once an encoder has made it. */
export const sharedMetadata = new WeakMap<OpMetadata, { encoded: Uint8Array | undefined }>();
const sharedByCaps = new Map<string, OpMetadata>();
const MAX_SHARED = 4096;

/**
 * Metadata with nothing but capabilities (nearly every op's) as one object
 * shared by all ops with the same capabilities, so a large marshal keeps one
 * caps set per combination rather than one per op. Other metadata is returned
 * as it is. The result must not be changed (merging and cloning copy it).
 */
export function shareMetadata(m: OpMetadata): OpMetadata {
  if (m.ignoreCache || m.description !== undefined || m.exportCache !== undefined || m.progressGroup !== undefined || m.linuxResources !== undefined) {
    return m;
  }
  let key = '';
  // Capability IDs have no newlines; insertion order only decides which equal sets share.
  if (m.caps !== undefined) for (const cap of m.caps) key += `${cap}\n`;
  const known = sharedByCaps.get(key);
  if (known !== undefined) return known;
  if (sharedByCaps.size >= MAX_SHARED) return m;
  sharedByCaps.set(key, m);
  sharedMetadata.set(m, { encoded: undefined });
  return m;
}

/** Go's mergeMetadata: m2's settings win, descriptions and caps accumulate. */
export function mergeMetadata(m1: OpMetadata, m2: OpMetadata): OpMetadata {
  const out = cloneMetadata(m1);
  if (m2.ignoreCache) out.ignoreCache = true;
  if (m2.description && Object.keys(m2.description).length > 0) {
    out.description = { ...out.description, ...m2.description };
  }
  if (m2.exportCache) out.exportCache = m2.exportCache;
  if (m2.caps) for (const k of m2.caps) (out.caps ??= new Set()).add(k);
  if (m2.progressGroup) out.progressGroup = m2.progressGroup;
  if (m2.linuxResources) out.linuxResources = m2.linuxResources;
  return out;
}

/** The pb.OpMetadata that Go's OpMetadata.ToPB produces. */
export function metadataToPb(m: OpMetadata): PbOpMetadata {
  const out: PbOpMetadata = {};
  if (m.ignoreCache) out.ignore_cache = true;
  if (m.description) out.description = m.description;
  if (m.exportCache) out.export_cache = { Value: m.exportCache.value };
  if (m.caps && m.caps.size > 0) {
    const caps: { [k: string]: boolean } = {};
    for (const k of m.caps) caps[k] = true;
    out.caps = caps;
  }
  if (m.progressGroup) {
    out.progress_group = { id: m.progressGroup.id, name: m.progressGroup.name, weak: m.progressGroup.weak ?? false };
  }
  if (m.linuxResources) out.linux_resources = linuxResourcesToPb(m.linuxResources);
  return out;
}

function linuxResourcesToPb(r: LinuxResources): PbLinuxResources {
  return {
    memory: r.memory ?? 0,
    memorySwap: r.memorySwap ?? 0,
    cpuShares: r.cpuShares ?? 0,
    cpuPeriod: r.cpuPeriod ?? 0,
    cpuQuota: r.cpuQuota ?? 0,
    cpusetCpus: r.cpusetCpus ?? '',
    cpusetMems: r.cpusetMems ?? '',
  };
}

/** The model OpMetadata of a decoded pb.OpMetadata (Go's NewOpMetadata). */
export function metadataFromPb(p: PbOpMetadata | undefined): OpMetadata {
  const m = emptyMetadata();
  if (!p) return m;
  m.ignoreCache = p.ignore_cache ?? false;
  m.description = p.description;
  m.exportCache = p.export_cache ? { value: p.export_cache.Value ?? false } : undefined;
  if (p.caps && Object.keys(p.caps).length > 0) m.caps = new Set(Object.keys(p.caps));
  if (p.progress_group) {
    m.progressGroup = { id: p.progress_group.id ?? '', name: p.progress_group.name ?? '', weak: p.progress_group.weak ?? false };
  }
  if (p.linux_resources) {
    const r = p.linux_resources;
    m.linuxResources = {
      memory: r.memory ?? 0,
      memorySwap: r.memorySwap ?? 0,
      cpuShares: r.cpuShares ?? 0,
      cpuPeriod: r.cpuPeriod ?? 0,
      cpuQuota: r.cpuQuota ?? 0,
      cpusetCpus: r.cpusetCpus ?? '',
      cpusetMems: r.cpusetMems ?? '',
    };
  }
  return m;
}
