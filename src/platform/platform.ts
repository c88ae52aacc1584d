// OCI platforms as github.com/containerd/platforms v1.0.0-rc.4 (the version
// BuildKit v0.32.2 requires) parses, normalizes and formats them. Where
// upstream consults the running machine (runtime.GOOS/GOARCH), callers pass
// the platform to use; `hostPlatform()` gives this machine's.
import { joinPath } from '../go/path.ts';
import { goQuote } from '../go/strconv.ts';
import { keptBytesString } from '../go/kept-bytes.ts';
import { goToLower, goTrimSpace } from '../go/strings.ts';

/** An OCI image-spec platform (JSON names differ; see toOCIPlatform). */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  osVersion?: string;
  osFeatures?: string[];
}

/** The platform object as it appears in OCI JSON (index entries, image configs). */
export interface OCIPlatform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export class PlatformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformError';
  }
}

/** containerd's errInvalidArgument, which every parse error wraps. */
const INVALID_ARGUMENT = 'invalid argument';

const OS_RE_SOURCE = String.raw`^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$`;
const SPECIFIER_RE_SOURCE = String.raw`^[A-Za-z0-9_.-]+$`;

const KNOWN_OS = new Set([
  'aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl',
  'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos',
]);

const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips',
  'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x',
  'sparc', 'sparc64', 'wasm',
]);

// ---- the host ------------------------------------------------------------------

const NODE_ARCH_TO_GO: Readonly<Record<string, string>> = {
  x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm', ppc64: 'ppc64le', s390x: 's390x',
  riscv64: 'riscv64', loong64: 'loong64', mips: 'mips', mipsel: 'mipsle',
};

/** This machine as containerd's DefaultSpec would describe it. */
export function hostPlatform(): Platform {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const architecture = NODE_ARCH_TO_GO[process.arch] ?? process.arch;
  const p: Platform = { os, architecture };
  if (architecture === 'arm64') p.variant = 'v8';
  if (architecture === 'arm') {
    const v = (process.config.variables as Record<string, unknown>).arm_version;
    p.variant = `v${typeof v === 'string' || typeof v === 'number' ? v : 7}`;
  }
  return p;
}

// ---- normalization --------------------------------------------------------------

function normalizeOS(os: string, host: Platform): string {
  if (os === '') return host.os;
  const lower = goToLower(os);
  return lower === 'macos' ? 'darwin' : lower;
}

/** Canonical architecture and variant names (containerd's normalizeArch). */
export function normalizeArch(arch: string, variant: string): [string, string] {
  let a = goToLower(arch);
  let v = goToLower(variant);
  switch (a) {
    case 'i386':
      a = '386';
      v = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      a = 'amd64';
      if (v === 'v1') v = '';
      break;
    case 'aarch64':
    case 'arm64':
      a = 'arm64';
      if (v === '8' || v === 'v8' || v === 'v8.0') v = '';
      else if (v === '9' || v === '9.0' || v === 'v9.0') v = 'v9';
      break;
    case 'armhf':
      a = 'arm';
      v = 'v7';
      break;
    case 'armel':
      a = 'arm';
      v = 'v6';
      break;
    case 'arm':
      if (v === '' || v === '7') v = 'v7';
      else if (v === '5' || v === '6' || v === '8') v = `v${v}`;
      break;
  }
  return [a, v];
}

/** Byte-order sort and de-duplication (Go's slices.Sort + slices.Compact). */
function sortedUnique(values: readonly string[]): string[] {
  const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/** containerd's platforms.Normalize. */
export function normalizePlatform(p: Platform, host: Platform = hostPlatform()): Platform {
  const [architecture, variant] = normalizeArch(p.architecture, p.variant ?? '');
  const out: Platform = { os: normalizeOS(p.os, host), architecture };
  if (variant !== '') out.variant = variant;
  if (p.osVersion) out.osVersion = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) out.osFeatures = sortedUnique(p.osFeatures);
  return out;
}

// ---- parsing ------------------------------------------------------------------------

function isSpecifierChar(c: number, extra: string): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
    c === 0x5f || c === 0x2d || extra.includes(String.fromCharCode(c))
  );
}

function allChars(s: string, extra: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpecifierChar(s.charCodeAt(i), extra)) return false;
  return true;
}

/** The OS component `name[(version[+feature…])]`, scanned without a RegExp. */
function matchOSComponent(part: string): { name: string; version: string; features: string } | undefined {
  const open = part.indexOf('(');
  if (open < 0) return part !== '' && allChars(part, '') ? { name: part, version: '', features: '' } : undefined;
  const name = part.slice(0, open);
  if (name === '' || !allChars(name, '') || !part.endsWith(')')) return undefined;
  const inner = part.slice(open + 1, -1);
  const plus = inner.indexOf('+');
  const version = plus < 0 ? inner : inner.slice(0, plus);
  const features = plus < 0 ? '' : inner.slice(plus);
  if (!allChars(version, '.%')) return undefined;
  if (features !== '' && !features.slice(1).split('+').every((f) => f !== '' && allChars(f, '.%'))) return undefined;
  return { name, version, features };
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Go's url.PathUnescape, applied only when the option has a '%'. */
function decodeOSOption(v: string): string {
  if (!v.includes('%')) return v;
  const bytes: number[] = [];
  const raw = Buffer.from(v, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x25) {
      bytes.push(raw[i]);
      continue;
    }
    if (i + 2 >= raw.length || !isHex(raw[i + 1]) || !isHex(raw[i + 2])) {
      const bad = keptBytesString(raw.subarray(i, i + 3));
      throw new PlatformError(`invalid URL escape ${goQuote(bad)}`);
    }
    bytes.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
    i += 2;
  }
  // Bytes that are no UTF-8 stay bytes, which the LLB marshal then refuses as Go's does.
  return keptBytesString(Uint8Array.from(bytes));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseOSFeatures(s: string): string[] {
  const features: string[] = [];
  for (const piece of s.split('+')) {
    const raw = goTrimSpace(piece);
    if (raw === '') throw new PlatformError(`empty os feature: ${INVALID_ARGUMENT}`);
    let feature: string;
    try {
      feature = decodeOSOption(raw);
    } catch (err) {
      throw new PlatformError(`invalid os feature ${goQuote(raw)}: ${errorText(err)}`);
    }
    if (feature !== '') features.push(feature);
  }
  return features;
}

/** Go's strings.SplitN(s, sep, n). */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/**
 * containerd's platforms.Parse: `os[(version+features)][/arch[/variant]]`, or
 * a lone OS or architecture, which borrows the rest from `host`. Throws
 * PlatformError with upstream's text.
 */
export function parsePlatform(specifier: string, host: Platform = hostPlatform()): Platform {
  if (typeof specifier !== 'string') throw new TypeError(`parsePlatform: the specifier must be a string such as "linux/arm64", not ${specifier === null ? 'null' : typeof specifier}`);
  const q = goQuote(specifier);
  if (specifier.includes('*')) {
    throw new PlatformError(`${q}: wildcards not yet supported: ${INVALID_ARGUMENT}`);
  }
  const parts = splitN(specifier, '/', 4);
  const p: Platform = { os: '', architecture: '' };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i > 0) {
      if (part === '' || !allChars(part, '.')) {
        throw new PlatformError(
          `${goQuote(part)} is an invalid component of ${q}: platform specifier component must match ${goQuote(SPECIFIER_RE_SOURCE)}: ${INVALID_ARGUMENT}`,
        );
      }
      continue;
    }
    const m = matchOSComponent(part);
    if (m === undefined) {
      throw new PlatformError(
        `${goQuote(part)} is an invalid OS component of ${q}: OSAndVersion specifier component must match ${goQuote(OS_RE_SOURCE)}: ${INVALID_ARGUMENT}`,
      );
    }
    p.os = normalizeOS(m.name, host);
    try {
      const v = decodeOSOption(m.version);
      if (v !== '') p.osVersion = v;
    } catch (err) {
      throw new PlatformError(`${q} has an invalid OS version ${goQuote(m.version)}: ${errorText(err)}`);
    }
    if (m.features !== '') {
      try {
        const f = parseOSFeatures(m.features.slice(1));
        if (f.length > 0) p.osFeatures = f;
      } catch (err) {
        throw new PlatformError(`${q} has invalid OS features: ${errorText(err)}`);
      }
    }
  }

  const setArch = (arch: string, variant: string): void => {
    [p.architecture, p.variant] = normalizeArch(arch, variant);
    if (p.variant === '') delete p.variant;
  };
  switch (parts.length) {
    case 1: {
      if (KNOWN_OS.has(p.os)) {
        p.architecture = host.architecture;
        if (host.architecture === 'arm' && host.variant && host.variant !== 'v7') p.variant = host.variant;
        return p;
      }
      setArch(parts[0], '');
      if (p.architecture === 'arm' && p.variant === 'v7') delete p.variant;
      if (KNOWN_ARCH.has(p.architecture)) {
        p.os = host.os;
        return p;
      }
      throw new PlatformError(`${q}: unknown operating system or architecture: ${INVALID_ARGUMENT}`);
    }
    case 2:
      setArch(parts[1], '');
      if (p.architecture === 'arm' && p.variant === 'v7') delete p.variant;
      return p;
    case 3:
      setArch(parts[1], parts[2]);
      if (p.architecture === 'arm64' && p.variant === undefined) p.variant = 'v8';
      return p;
  }
  throw new PlatformError(`${q}: cannot parse platform specifier: ${INVALID_ARGUMENT}`);
}

// ---- formatting -----------------------------------------------------------------

/** containerd's platforms.Format: os/arch[/variant], ignoring version and features. */
export function formatPlatform(p: Platform): string {
  if (typeof p !== 'object' || p === null || typeof p.os !== 'string') {
    throw new TypeError(`formatPlatform: the platform must be an object { os, architecture, variant? }, not ${p === null ? 'null' : typeof p}`);
  }
  if (p.os === '') return 'unknown';
  return joinPath(p.os, p.architecture, p.variant ?? '');
}

const OS_OPTION_ESCAPES: Readonly<Record<string, string>> = {
  '%': '%25', '+': '%2B', '(': '%28', ')': '%29', '/': '%2F',
};

function encodeOSOption(v: string): string {
  return v.replace(/[%+()/]/g, (c) => OS_OPTION_ESCAPES[c] ?? c);
}

/** containerd's platforms.FormatAll: like Format, plus `(version+features)`. */
export function formatPlatformAll(p: Platform): string {
  if (p.os === '') return 'unknown';
  const features = p.osFeatures ?? [];
  if (!p.osVersion && features.length === 0) return formatPlatform(p);
  const osv = encodeOSOption(p.osVersion ?? '');
  const formatted = sortedUnique(features).filter((f) => f !== '').map(encodeOSOption).join('+');
  let os = p.os;
  if (osv !== '' || formatted !== '') os += `(${osv}${formatted !== '' ? `+${formatted}` : ''})`;
  return joinPath(os, p.architecture, p.variant ?? '');
}

// ---- OCI JSON conversion ------------------------------------------------------------

export function toOCIPlatform(p: Platform): OCIPlatform {
  const o: OCIPlatform = { architecture: p.architecture, os: p.os };
  if (p.osVersion) o['os.version'] = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) o['os.features'] = [...p.osFeatures];
  if (p.variant) o.variant = p.variant;
  return o;
}

export function fromOCIPlatform(o: OCIPlatform): Platform {
  const p: Platform = { os: o.os ?? '', architecture: o.architecture ?? '' };
  if (o.variant) p.variant = o.variant;
  if (o['os.version']) p.osVersion = o['os.version'];
  if (o['os.features'] && o['os.features'].length > 0) p.osFeatures = [...o['os.features']];
  return p;
}
