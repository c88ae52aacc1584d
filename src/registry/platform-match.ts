// Choosing a manifest from an index for a wanted platform, as BuildKit does
// through containerd: platforms.Only(wanted) accepts the platform itself and
// the variants it can run (arm64 runs arm v8..v5, amd64 runs 386, armv7 runs
// v6 and v5, …), and LimitManifests sorts the matches stably by that
// preference and takes the first.
import { hostPlatform, normalizePlatform, type Platform } from '../platform/platform.ts';
import { int64Decimal } from '../go/strconv.ts';

export interface PlatformMatcher {
  match(p: Platform): boolean;
}

/** A matcher that also ranks two platforms (containerd's MatchComparer). */
export interface PlatformComparer extends PlatformMatcher {
  less(a: Platform, b: Platform): boolean;
}

// ---- Windows OS version compatibility (platform_windows_compat.go) ------------------

interface WindowsVersion {
  major: number;
  minor: number;
  build: number;
}

const LTSC2022 = 20348;
const COMPAT_LTSC_RELEASES = [LTSC2022, 26100];

/** Go's strconv.ParseUint(s, 10, bits), or undefined when it fails. */
function parseUint(s: string, bits: number): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n < 2 ** bits ? n : undefined;
}

/** "10.0.17763[.x]" -> its parts; all zero when unparseable (upstream's choice). */
function windowsVersion(v: string): WindowsVersion {
  const zero = { major: 0, minor: 0, build: 0 };
  const pieces = v.split('.');
  if (pieces.length < 3) return zero;
  const major = parseUint(pieces[0], 8);
  const minor = parseUint(pieces[1], 8);
  const build = parseUint(pieces[2], 16);
  if (major === undefined || minor === undefined || build === undefined) return zero;
  return { major, minor, build };
}

/** Whether a container built for `ctr` runs on a Windows `host`. */
function windowsCompatible(host: WindowsVersion, ctr: WindowsVersion): boolean {
  if (host.major !== ctr.major || host.minor !== ctr.minor) return false;
  if (host.build < LTSC2022) return host.build === ctr.build;
  let supported = LTSC2022;
  for (let i = COMPAT_LTSC_RELEASES.length - 1; i >= 0; i--) {
    if (host.build > COMPAT_LTSC_RELEASES[i]) {
      supported = COMPAT_LTSC_RELEASES[i];
      break;
    }
  }
  return supported <= ctr.build && ctr.build <= host.build;
}

// ---- the exact-platform matcher -----------------------------------------------------

/** Every feature of `have` (sorted, unique) is in `want` (sorted, unique). */
function featuresSubset(have: readonly string[], want: readonly string[]): boolean {
  if (want.length < have.length) return false;
  let j = 0;
  for (const feature of have) {
    let found = false;
    for (; j < want.length; j++) {
      if (feature === want[j]) {
        found = true;
        j++;
        break;
      }
      if (feature < want[j]) return false;
    }
    if (!found) return false;
  }
  return true;
}

/** containerd's NewMatcher: same normalized os/arch/variant, compatible features. */
export function newMatcher(wanted: Platform, host: Platform = hostPlatform()): PlatformMatcher {
  const want = normalizePlatform(wanted, host);
  const wantFeatures = want.osFeatures ?? [];
  const winVersion = wanted.os === 'windows' ? windowsVersion(wanted.osVersion ?? '') : undefined;
  const exact = (p: Platform): boolean => {
    const n = normalizePlatform(p, host);
    if (n.os !== want.os || n.architecture !== want.architecture || (n.variant ?? '') !== (want.variant ?? '')) {
      return false;
    }
    if (winVersion !== undefined) {
      const empty = winVersion.major === 0 && winVersion.minor === 0 && winVersion.build === 0;
      const v = p.osVersion ?? '';
      if (!empty && v !== '' && !windowsCompatible(winVersion, windowsVersion(v))) return false;
    }
    const features = n.osFeatures ?? [];
    return features.length === 0 || featuresSubset(features, wantFeatures);
  };
  if (wanted.os !== 'windows') return { match: exact };
  // Windows images may declare win32k, which any Windows host provides.
  return {
    match(p: Platform): boolean {
      const i = (p.osFeatures ?? []).indexOf('win32k');
      if (i < 0) return exact(p);
      const features = [...(p.osFeatures ?? [])];
      features.splice(i, 1);
      return exact({ ...p, osFeatures: features });
    },
  };
}

// ---- preference order -----------------------------------------------------------------

const ARM64_VARIANT_VERSIONS: Readonly<Record<string, { major: number[]; minor: number[] }>> = {
  v8: { major: [8], minor: [0] },
  'v8.0': { major: [8], minor: [0] },
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => [`v8.${m}`, { major: [8], minor: [m] }]),
  ),
  v9: { major: [9, 8], minor: [0, 5] },
  'v9.0': { major: [9, 8], minor: [0, 5] },
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((m) => [`v9.${m}`, { major: [9, 8], minor: [m, Math.min(m + 5, 9)] }]),
  ),
};

/** Go's strconv.Atoi, or undefined when it fails. */
/** strconv.Atoi: undefined for bad syntax or beyond int64, where Go returns an error. */
function atoi(s: string): number | undefined {
  const n = int64Decimal(s);
  return typeof n === 'bigint' ? Number(n) : undefined;
}

/**
 * The highest lower variant a vector lists. containerd lists every one below
 * the platform's, down to v1 (or v5 for arm): for `amd64/v1000000000` a
 * billion, more memory than a machine has, where images have a handful. A
 * hostile platform must not hang the resolver, so the list starts at most
 * here (v64 to v1: every variant an image has, in the same order).
 */
const MAX_LISTED_VARIANT = 64;

/** The platforms `p` can run, best first (containerd's platformVector). */
export function platformVector(p: Platform): Platform[] {
  const base = { os: p.os, ...(p.osVersion ? { osVersion: p.osVersion } : {}), ...(p.osFeatures ? { osFeatures: p.osFeatures } : {}) };
  let vector: Platform[] = [p];
  switch (p.architecture) {
    case 'amd64': {
      const v = atoi((p.variant ?? '').replace(/^v/, ''));
      if (v !== undefined && v > 1) {
        for (let i = Math.min(v - 1, MAX_LISTED_VARIANT); i >= 1; i--) vector.push({ ...base, architecture: 'amd64', variant: `v${i}` });
      }
      vector.push({ ...base, architecture: '386' });
      break;
    }
    case 'arm': {
      const v = atoi((p.variant ?? '').replace(/^v/, ''));
      if (v !== undefined && v > 5) {
        for (let i = Math.min(v - 1, MAX_LISTED_VARIANT); i >= 5; i--) vector.push({ ...base, architecture: 'arm', variant: `v${i}` });
      }
      break;
    }
    case 'arm64': {
      let variant = p.variant || 'v8';
      vector = [];
      const versions = ARM64_VARIANT_VERSIONS[variant];
      if (versions === undefined) break;
      versions.major.forEach((major, i) => {
        for (let minor = versions.minor[i]; minor >= 0; minor--) {
          vector.push({ ...base, architecture: 'arm64', variant: minor === 0 ? `v${major}` : `v${major}.${minor}` });
        }
      });
      if (variant.startsWith('v8') || variant.startsWith('v9')) variant = 'v8';
      vector.push(...platformVector({ ...base, architecture: 'arm', variant }));
      break;
    }
  }
  return vector;
}

/** containerd's Ordered: earlier platforms are preferred. */
export function orderedComparer(platforms: readonly Platform[], host: Platform = hostPlatform()): PlatformComparer {
  const matchers = platforms.map((p) => newMatcher(p, host));
  const less = (a: Platform, b: Platform): boolean => {
    for (const m of matchers) {
      const am = m.match(a);
      const bm = m.match(b);
      if (am && !bm) return true;
      if (am || bm) {
        if (am && bm) {
          const af = a.osFeatures?.length ?? 0;
          const bf = b.osFeatures?.length ?? 0;
          if (af !== bf) return af > bf;
        }
        return false;
      }
    }
    if ((a.osFeatures?.length ?? 0) > 0 || (b.osFeatures?.length ?? 0) > 0) {
      return less({ ...a, osFeatures: undefined }, { ...b, osFeatures: undefined });
    }
    return false;
  };
  return { match: (p) => matchers.some((m) => m.match(p)), less };
}

/** containerd's platforms.Only: what BuildKit uses to resolve an image for a platform. */
export function onlyPlatform(wanted: Platform, host: Platform = hostPlatform()): PlatformComparer {
  return orderedComparer(platformVector(normalizePlatform(wanted, host)), host);
}

// ---- Go's sort.SliceStable, so ties and odd orders come out as upstream's ---------------

function insertionSort<T>(a: T[], lo: number, hi: number, less: (x: T, y: T) => boolean): void {
  for (let i = lo + 1; i < hi; i++) {
    for (let j = i; j > lo && less(a[j], a[j - 1]); j--) [a[j], a[j - 1]] = [a[j - 1], a[j]];
  }
}

function swapRange<T>(a: T[], x: number, y: number, n: number): void {
  for (let i = 0; i < n; i++) [a[x + i], a[y + i]] = [a[y + i], a[x + i]];
}

function rotate<T>(a: T[], lo: number, m: number, hi: number): void {
  let i = m - lo;
  let j = hi - m;
  while (i !== j) {
    if (i > j) {
      swapRange(a, m - i, m, j);
      i -= j;
    } else {
      swapRange(a, m - i, m + j - i, i);
      j -= i;
    }
  }
  swapRange(a, m - i, m, i);
}

function symMerge<T>(a: T[], lo: number, m: number, hi: number, less: (x: T, y: T) => boolean): void {
  if (m - lo === 1) {
    let i = m;
    let j = hi;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (less(a[h], a[lo])) i = h + 1;
      else j = h;
    }
    for (let k = lo; k < i - 1; k++) [a[k], a[k + 1]] = [a[k + 1], a[k]];
    return;
  }
  if (hi - m === 1) {
    let i = lo;
    let j = m;
    while (i < j) {
      const h = (i + j) >>> 1;
      if (!less(a[m], a[h])) i = h + 1;
      else j = h;
    }
    for (let k = m; k > i; k--) [a[k], a[k - 1]] = [a[k - 1], a[k]];
    return;
  }
  const mid = (lo + hi) >>> 1;
  const n = mid + m;
  let start: number;
  let r: number;
  if (m > mid) {
    start = n - hi;
    r = mid;
  } else {
    start = lo;
    r = m;
  }
  const p = n - 1;
  while (start < r) {
    const c = (start + r) >>> 1;
    if (!less(a[p - c], a[c])) start = c + 1;
    else r = c;
  }
  const end = n - start;
  if (start < m && m < end) rotate(a, start, m, end);
  if (lo < start && start < mid) symMerge(a, lo, start, mid, less);
  if (mid < end && end < hi) symMerge(a, mid, end, hi, less);
}

/** Go's sort.SliceStable, in place. */
export function goStableSort<T>(a: T[], less: (x: T, y: T) => boolean): void {
  const n = a.length;
  let block = 20;
  let lo = 0;
  let hi = block;
  while (hi <= n) {
    insertionSort(a, lo, hi, less);
    lo = hi;
    hi += block;
  }
  insertionSort(a, lo, n, less);
  while (block < n) {
    lo = 0;
    hi = 2 * block;
    while (hi <= n) {
      symMerge(a, lo, lo + block, hi, less);
      lo = hi;
      hi += 2 * block;
    }
    const m = lo + block;
    if (m < n) symMerge(a, lo, m, n, less);
    block *= 2;
  }
}

/**
 * The index entries BuildKit would consider, best first: those without a
 * platform or matching `comparer`, sorted stably with platform-less ones last
 * (containerd's childrenConfigHandler + LimitManifests).
 */
export function rankManifests<T extends { platform?: Platform }>(entries: readonly T[], comparer: PlatformComparer): T[] {
  const kept = entries.filter((e) => e.platform === undefined || comparer.match(e.platform));
  goStableSort(kept, (x, y) => {
    if (x.platform === undefined) return false;
    if (y.platform === undefined) return true;
    return comparer.less(x.platform, y.platform);
  });
  return kept;
}
