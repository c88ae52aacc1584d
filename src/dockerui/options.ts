// Parsing of the frontend options that become per-RUN settings: `ulimit`
// (docker/go-units ParseUlimit over a CSV list), the cgroup resource options
// `memory`, `memswap`, `cpushares`, `cpuperiod`, `cpuquota`, `cpusetcpus` and
// `cpusetmems` (dockerui's parseLinuxResources) and `add-hosts` (dockerui's
// parseExtraHosts). Error texts are upstream's, Go's strconv messages
// included; config.ts adds the "failed to parse ulimit" / "failed to parse
// resource limits" / "failed to parse additional hosts" prefix.

import type { LinuxResources } from '../llb/index.ts';
import type { Ulimit } from '../dockerfile/convert/types.ts';
import { splitCsvFields } from '../go/csv.ts';
import { goParseInt64, goParseUint64, goQuote, int64Value } from '../go/strconv.ts';
import { goToLower, goTrimSpace } from '../go/strings.ts';
import { canonicalIP } from '../go/ip.ts';

// go-units' table of known limits ("as" is commented out there).
const ULIMIT_NAMES = new Set([
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
]);

/** go-units ParseUlimit: `name=soft[:hard]`, hard defaults to soft. */
export function parseUlimit(val: string): Ulimit {
  const eq = val.indexOf('=');
  if (eq < 0) throw new Error(`invalid ulimit argument: ${val}`);
  const name = val.slice(0, eq);
  const rest = val.slice(eq + 1);
  if (!ULIMIT_NAMES.has(name)) throw new Error(`invalid ulimit type: ${name}`);
  const parts = rest.split(':');
  if (parts.length > 2) {
    throw new Error(`too many limit value arguments - ${rest}, can only have up to two, \`soft[:hard]\``);
  }
  // The hard value is parsed first, as upstream does, so its error wins.
  const hard = parts.length === 2 ? goParseInt64(parts[1]) : undefined;
  const soft = goParseInt64(parts[0]);
  const h = hard ?? soft;
  if (h !== -1n) {
    if (soft === -1n) throw new Error(`ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${h}`);
    if (soft > h) throw new Error(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${h}`);
  }
  return { name, soft: int64Value(soft), hard: int64Value(h) };
}

/** The `ulimit` option: a CSV list of go-units ulimits; empty gives none. */
export function parseUlimits(v: string): Ulimit[] {
  if (v === '') return [];
  return splitCsvFields(v).map(parseUlimit);
}

const MAX_CPU = 8192n;

/** Go's strconv.Atoi for 64-bit ints, as a bigint; undefined when it fails. */
function atoi(s: string): bigint | undefined {
  try {
    return goParseInt64(s);
  } catch {
    return undefined;
  }
}

/** BuildKit's cpuset.Validate: `0-3,5,7-9`, elements in [0, 8192]. */
export function validateCpuset(s: string): void {
  for (let part of s.split(',')) {
    part = goTrimSpace(part);
    if (part === '') continue;
    const dash = part.indexOf('-');
    if (dash < 0) {
      const n = atoi(part);
      if (n === undefined || n < 0n) throw new Error(`invalid cpuset element ${goQuote(part)}`);
      if (n > MAX_CPU) throw new Error(`cpuset element ${goQuote(part)} exceeds maximum ${MAX_CPU}`);
      continue;
    }
    const lo = atoi(goTrimSpace(part.slice(0, dash)));
    const hi = atoi(goTrimSpace(part.slice(dash + 1)));
    if (lo === undefined || hi === undefined || lo < 0n || hi < lo) throw new Error(`invalid cpuset range ${goQuote(part)}`);
    if (hi > MAX_CPU) throw new Error(`cpuset range ${goQuote(part)} exceeds maximum ${MAX_CPU}`);
  }
}

/**
 * dockerui's parseLinuxResources: the resource options, validated in this
 * order; undefined when none is set (or all are empty).
 */
export function parseLinuxResources(get: (key: string) => string | undefined): LinuxResources | undefined {
  const res: { -readonly [K in keyof LinuxResources]: LinuxResources[K] } = {};
  const value = (key: string, parse: (v: string) => bigint, check: (n: bigint) => string | undefined): number | bigint | undefined => {
    const v = get(key);
    if (v === undefined || v === '') return undefined;
    let n: bigint;
    try {
      n = parse(v);
    } catch (err) {
      throw new Error(`invalid ${key} value: ${v}: ${(err as Error).message}`);
    }
    const why = check(n);
    if (why !== undefined) throw new Error(`invalid ${key} value: ${v}: ${why}`);
    return int64Value(n);
  };
  const positive = (n: bigint): string | undefined => (n <= 0n ? 'must be > 0' : undefined);
  const memory = value('memory', goParseInt64, positive);
  const memorySwap = value('memswap', goParseInt64, (n) => (n < -1n || n === 0n ? 'must be -1 (unlimited) or > 0' : undefined));
  const cpuShares = value('cpushares', goParseUint64, positive);
  const cpuPeriod = value('cpuperiod', goParseUint64, positive);
  const cpuQuota = value('cpuquota', goParseInt64, positive);
  if (memory !== undefined) res.memory = memory;
  if (memorySwap !== undefined) res.memorySwap = memorySwap;
  if (cpuShares !== undefined) res.cpuShares = cpuShares;
  if (cpuPeriod !== undefined) res.cpuPeriod = cpuPeriod;
  if (cpuQuota !== undefined) res.cpuQuota = cpuQuota;
  for (const [key, field] of [
    ['cpusetcpus', 'cpusetCpus'],
    ['cpusetmems', 'cpusetMems'],
  ] as const) {
    const v = get(key);
    if (v === undefined || v === '') continue;
    try {
      validateCpuset(v);
    } catch (err) {
      throw new Error(`invalid ${key} value: ${v}: ${(err as Error).message}`);
    }
    res[field] = v;
  }
  return Object.keys(res).length > 0 ? res : undefined;
}

/** dockerui's parseExtraHosts: CSV `host=ip`, lower-cased; callers add "failed to parse additional hosts". */
export function parseExtraHosts(v: string): { host: string; ip: string }[] {
  if (v === '') return [];
  const out: { host: string; ip: string }[] = [];
  for (const field of splitCsvFields(v)) {
    const lower = goToLower(field);
    const eq = lower.indexOf('=');
    if (eq < 0) throw new Error(`invalid key-value pair ${field}`);
    const val = lower.slice(eq + 1);
    const ip = canonicalIP(val);
    if (ip === undefined) throw new Error(`failed to parse IP ${val}`);
    out.push({ host: lower.slice(0, eq), ip });
  }
  return out;
}
