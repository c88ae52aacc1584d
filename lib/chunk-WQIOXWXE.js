var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/llb/constraints.ts
function emptyMetadata() {
  return {
    ignoreCache: false,
    description: void 0,
    exportCache: void 0,
    caps: void 0,
    progressGroup: void 0,
    linuxResources: void 0
  };
}
function resolveConstraints(...opts) {
  const c = {
    platform: void 0,
    workerConstraints: [],
    metadata: emptyMetadata(),
    localUniqueId: void 0,
    caps: void 0,
    sourceLocations: []
  };
  for (const o of opts) if (o) applyConstraints(c, o);
  return c;
}
var sharedConstraintsByCap = /* @__PURE__ */ new Map();
function resolveSharedConstraints(opts, cap) {
  if (!setsNothing(opts)) {
    const c2 = resolveConstraints(opts);
    if (cap !== void 0) addCap(c2, cap);
    return c2;
  }
  const key = cap ?? "";
  let c = sharedConstraintsByCap.get(key);
  if (c === void 0) {
    c = resolveConstraints();
    if (cap !== void 0) addCap(c, cap);
    Object.freeze(c.workerConstraints);
    Object.freeze(c.sourceLocations);
    Object.freeze(c.metadata);
    Object.freeze(c);
    sharedConstraintsByCap.set(key, c);
  }
  return c;
}
function setsNothing(o) {
  return !o.platform && !o.workerConstraints && !o.ignoreCache && !o.description && o.customName === void 0 && o.exportCache === void 0 && !o.progressGroup && !o.linuxResources && o.localUniqueId === void 0 && !o.caps && !o.sourceLocations;
}
function applyConstraints(c, o) {
  if (o.platform) c.platform = o.platform;
  if (o.workerConstraints) c.workerConstraints.push(...o.workerConstraints);
  if (o.ignoreCache) c.metadata.ignoreCache = true;
  if (o.description) c.metadata.description = { ...c.metadata.description, ...o.description };
  if (o.customName !== void 0) c.metadata.description = { ...c.metadata.description, "llb.customname": o.customName };
  if (o.exportCache !== void 0) c.metadata.exportCache = { value: o.exportCache };
  if (o.progressGroup) c.metadata.progressGroup = { ...o.progressGroup };
  if (o.linuxResources) c.metadata.linuxResources = { ...c.metadata.linuxResources, ...o.linuxResources };
  if (o.localUniqueId !== void 0) c.localUniqueId = o.localUniqueId;
  if (o.caps) c.caps = o.caps;
  if (o.sourceLocations) c.sourceLocations.push(...o.sourceLocations);
}
function cloneConstraints(c) {
  return {
    platform: c.platform,
    workerConstraints: [...c.workerConstraints],
    metadata: cloneMetadata(c.metadata),
    localUniqueId: c.localUniqueId,
    caps: c.caps,
    sourceLocations: [...c.sourceLocations]
  };
}
function cloneMetadata(m) {
  return {
    ignoreCache: m.ignoreCache,
    description: m.description ? { ...m.description } : void 0,
    exportCache: m.exportCache,
    caps: m.caps ? new Set(m.caps) : void 0,
    progressGroup: m.progressGroup,
    linuxResources: m.linuxResources
  };
}
function isEmptyMetadata(m) {
  return !m.ignoreCache && m.description === void 0 && m.exportCache === void 0 && (m.caps === void 0 || m.caps.size === 0) && m.progressGroup === void 0 && m.linuxResources === void 0;
}
function addCap(c, id) {
  (c.metadata.caps ??= /* @__PURE__ */ new Set()).add(id);
}
var sharedMetadata = /* @__PURE__ */ new WeakMap();
var sharedByCaps = /* @__PURE__ */ new Map();
var MAX_SHARED = 4096;
function shareMetadata(m) {
  if (m.ignoreCache || m.description !== void 0 || m.exportCache !== void 0 || m.progressGroup !== void 0 || m.linuxResources !== void 0) {
    return m;
  }
  let key = "";
  if (m.caps !== void 0) for (const cap of m.caps) key += `${cap}
`;
  const known = sharedByCaps.get(key);
  if (known !== void 0) return known;
  if (sharedByCaps.size >= MAX_SHARED) return m;
  sharedByCaps.set(key, m);
  sharedMetadata.set(m, { encoded: void 0 });
  return m;
}
function mergeMetadata(m1, m2) {
  const out = cloneMetadata(m1);
  if (m2.ignoreCache) out.ignoreCache = true;
  if (m2.description && Object.keys(m2.description).length > 0) {
    out.description = { ...out.description, ...m2.description };
  }
  if (m2.exportCache) out.exportCache = m2.exportCache;
  if (m2.caps) for (const k of m2.caps) (out.caps ??= /* @__PURE__ */ new Set()).add(k);
  if (m2.progressGroup) out.progressGroup = m2.progressGroup;
  if (m2.linuxResources) out.linuxResources = m2.linuxResources;
  return out;
}
function metadataToPb(m) {
  const out = {};
  if (m.ignoreCache) out.ignore_cache = true;
  if (m.description) out.description = m.description;
  if (m.exportCache) out.export_cache = { Value: m.exportCache.value };
  if (m.caps && m.caps.size > 0) {
    const caps = {};
    for (const k of m.caps) caps[k] = true;
    out.caps = caps;
  }
  if (m.progressGroup) {
    out.progress_group = { id: m.progressGroup.id, name: m.progressGroup.name, weak: m.progressGroup.weak ?? false };
  }
  if (m.linuxResources) out.linux_resources = linuxResourcesToPb(m.linuxResources);
  return out;
}
function linuxResourcesToPb(r) {
  return {
    memory: r.memory ?? 0,
    memorySwap: r.memorySwap ?? 0,
    cpuShares: r.cpuShares ?? 0,
    cpuPeriod: r.cpuPeriod ?? 0,
    cpuQuota: r.cpuQuota ?? 0,
    cpusetCpus: r.cpusetCpus ?? "",
    cpusetMems: r.cpusetMems ?? ""
  };
}
function metadataFromPb(p) {
  const m = emptyMetadata();
  if (!p) return m;
  m.ignoreCache = p.ignore_cache ?? false;
  m.description = p.description;
  m.exportCache = p.export_cache ? { value: p.export_cache.Value ?? false } : void 0;
  if (p.caps && Object.keys(p.caps).length > 0) m.caps = new Set(Object.keys(p.caps));
  if (p.progress_group) {
    m.progressGroup = { id: p.progress_group.id ?? "", name: p.progress_group.name ?? "", weak: p.progress_group.weak ?? false };
  }
  if (p.linux_resources) {
    const r = p.linux_resources;
    m.linuxResources = {
      memory: Number(r.memory ?? 0),
      memorySwap: Number(r.memorySwap ?? 0),
      cpuShares: Number(r.cpuShares ?? 0),
      cpuPeriod: Number(r.cpuPeriod ?? 0),
      cpuQuota: Number(r.cpuQuota ?? 0),
      cpusetCpus: r.cpusetCpus ?? "",
      cpusetMems: r.cpusetMems ?? ""
    };
  }
  return m;
}

// src/llb/caps.ts
var Caps = {
  sourceImage: "source.image",
  sourceImageResolveMode: "source.image.resolvemode",
  sourceImageLayerLimit: "source.image.layerlimit",
  sourceImageChecksum: "source.image.checksum",
  sourceLocal: "source.local",
  sourceLocalUnique: "source.local.unique",
  sourceLocalSessionID: "source.local.sessionid",
  sourceLocalIncludePatterns: "source.local.includepatterns",
  sourceLocalFollowPaths: "source.local.followpaths",
  sourceLocalExcludePatterns: "source.local.excludepatterns",
  sourceLocalSharedKeyHint: "source.local.sharedkeyhint",
  sourceLocalDiffer: "source.local.differ",
  sourceMetadataTransfer: "source.local.metadatatransfer",
  sourceGit: "source.git",
  sourceGitKeepDir: "source.git.keepgitdir",
  sourceGitFullURL: "source.git.fullurl",
  sourceGitHTTPAuth: "source.git.httpauth",
  sourceGitKnownSSHHosts: "source.git.knownsshhosts",
  sourceGitMountSSHSock: "source.git.mountsshsock",
  sourceGitChecksum: "source.git.checksum",
  sourceGitSkipSubmodules: "source.git.skipsubmodules",
  sourceGitMTime: "source.git.mtime",
  sourceGitFetchByCommit: "source.git.fetchbycommit",
  sourceGitBundle: "source.git.bundle",
  sourceGitCheckoutBundle: "source.git.checkoutbundle",
  sourceHTTP: "source.http",
  sourceHTTPAuth: "source.http.auth",
  sourceHTTPChecksum: "source.http.checksum",
  sourceHTTPPerm: "source.http.perm",
  // Upstream's spelling, typo included: the daemon matches this exact string.
  sourceHTTPUIDGID: "soruce.http.uidgid",
  sourceHTTPHeader: "source.http.header",
  sourceImageBlob: "source.imageblob",
  sourceOCILayout: "source.ocilayout",
  execMetaBase: "exec.meta.base",
  execMetaNetwork: "exec.meta.network",
  execMetaProxy: "exec.meta.proxyenv",
  execMetaSecurity: "exec.meta.security",
  execMetaSetsDefaultPath: "exec.meta.setsdefaultpath",
  execMetaUlimit: "exec.meta.ulimit",
  execMetaCDI: "exec.meta.cdi",
  execMetaLinuxResources: "exec.meta.linux.resources",
  execMountBind: "exec.mount.bind",
  execMountCache: "exec.mount.cache",
  execMountCacheSharing: "exec.mount.cache.sharing",
  execMountSelector: "exec.mount.selector",
  execMountTmpfs: "exec.mount.tmpfs",
  execMountTmpfsSize: "exec.mount.tmpfs.size",
  execMountSecret: "exec.mount.secret",
  execMountSSH: "exec.mount.ssh",
  execMountContentCache: "exec.mount.cache.content",
  execSecretEnv: "exec.secretenv",
  execValidExitCode: "exec.validexitcode",
  fileBase: "file.base",
  constraints: "constraints",
  platform: "platform",
  metaIgnoreCache: "meta.ignorecache",
  metaDescription: "meta.description",
  metaExportCache: "meta.exportcache",
  mergeOp: "mergeop",
  diffOp: "diffop",
  passthroughOp: "passthroughop"
};
function capSet(ids) {
  const s = new Set(ids);
  return { supports: (id) => s.has(id) };
}

// src/llb/errors.ts
var LLBError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "LLBError";
};

// src/llb/vertex.ts
import * as crypto from "node:crypto";
function marshalVertex(v, ctx) {
  if (v.marshalCtx === ctx) return v.marshaled;
  const m = v.marshalUncached(ctx);
  v.marshalCtx = ctx;
  v.marshaled = m;
  ctx.touched.push(v);
  return m;
}
function clearMarshalled(ctx) {
  for (const v of ctx.touched) {
    v.marshalCtx = void 0;
    v.marshaled = void 0;
    v.walkCtx = void 0;
  }
  ctx.touched.length = 0;
}
var indexZero = () => 0;
var Output = class {
  constructor(vertex, index, platform, error) {
    this.vertex = vertex;
    this.index = index;
    this.platform = platform;
    this.error = error;
  }
  vertex;
  index;
  platform;
  error;
  /** The output index (a method, so subclasses can compute it without a closure per output). */
  outputIndex() {
    return this.index();
  }
  toInput(ctx) {
    if (this.error) throw this.error;
    const idx = this.outputIndex();
    const { digest } = marshalVertex(this.vertex, ctx);
    return idx === 0 ? { digest } : { digest, index: idx };
  }
};
var oneShotHash = typeof crypto.hash === "function" ? crypto.hash : void 0;
function sha256Digest(bytes2) {
  if (oneShotHash !== void 0) return `sha256:${oneShotHash("sha256", bytes2, "hex")}`;
  return `sha256:${crypto.createHash("sha256").update(bytes2).digest("hex")}`;
}

// src/go/path.ts
function cleanPath(p) {
  if (p === "") return ".";
  if (isClean(p)) return p;
  const rooted = p.startsWith("/");
  const parts = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else if (!rooted) parts.push("..");
      continue;
    }
    parts.push(seg);
  }
  const body = parts.join("/");
  if (rooted) return "/" + body;
  return body === "" ? "." : body;
}
function isClean(p) {
  const n = p.length;
  if (p.charCodeAt(n - 1) === SLASH) return n === 1;
  let start = p.charCodeAt(0) === SLASH ? 1 : 0;
  for (let i = start; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== SLASH) continue;
    const len = i - start;
    if (len === 0) return false;
    if (p.charCodeAt(start) === DOT && (len === 1 || len === 2 && p.charCodeAt(start + 1) === DOT)) return false;
    start = i + 1;
  }
  return true;
}
var SLASH = 47;
var DOT = 46;
function joinPath(...elems) {
  const nonEmpty = elems.filter((e) => e !== "");
  return nonEmpty.length === 0 ? "" : cleanPath(nonEmpty.join("/"));
}
function basePath(p) {
  if (p === "") return ".";
  while (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  if (p === "/") return "/";
  const i = p.lastIndexOf("/");
  return i >= 0 ? p.slice(i + 1) : p;
}
function isAbsPath(p) {
  return p.startsWith("/");
}

// src/go/strconv.ts
var PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;
function hex(n, width) {
  return n.toString(16).padStart(width, "0");
}
function escapeRune(cp) {
  if (cp === 34 || cp === 92) return "\\" + String.fromCharCode(cp);
  if (cp < 32 || cp === 127) {
    switch (cp) {
      case 7:
        return "\\a";
      case 8:
        return "\\b";
      case 12:
        return "\\f";
      case 10:
        return "\\n";
      case 13:
        return "\\r";
      case 9:
        return "\\t";
      case 11:
        return "\\v";
      default:
        return "\\x" + hex(cp, 2);
    }
  }
  if (cp < 128 || PRINTABLE.test(String.fromCodePoint(cp))) return null;
  return cp < 65536 ? "\\u" + hex(cp, 4) : "\\U" + hex(cp, 8);
}
function goQuote(s) {
  let out = '"';
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    let cp = s.codePointAt(i) ?? 0;
    const w = cp > 65535 ? 2 : 1;
    if (cp >= 55296 && cp <= 57343) cp = 65533;
    const esc = cp === 65533 && s.charCodeAt(i) !== 65533 ? "\uFFFD" : escapeRune(cp);
    if (esc !== null) {
      out += s.slice(runStart, i) + esc;
      runStart = i + w;
    }
    i += w;
  }
  return out + s.slice(runStart) + '"';
}
function parseGoBool(s) {
  switch (s) {
    case "1":
    case "t":
    case "T":
    case "true":
    case "TRUE":
    case "True":
      return true;
    case "0":
    case "f":
    case "F":
    case "false":
    case "FALSE":
    case "False":
      return false;
    default:
      return void 0;
  }
}
function parseGoUint32(s, base) {
  if (s === "") return void 0;
  let n = 0;
  for (const ch of s) {
    const d = ch >= "0" && ch <= "9" ? ch.charCodeAt(0) - 48 : -1;
    if (d < 0 || d >= base) return void 0;
    n = n * base + d;
    if (n > 4294967295) return void 0;
  }
  return n;
}
function parseGoInt32(s) {
  const fail = (why) => {
    throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: ${why}`);
  };
  let rest = s;
  let negative = false;
  if (rest.startsWith("+") || rest.startsWith("-")) {
    negative = rest[0] === "-";
    rest = rest.slice(1);
  }
  if (rest === "") fail("invalid syntax");
  let n = 0;
  for (const ch of rest) {
    if (ch < "0" || ch > "9") fail("invalid syntax");
    n = n * 10 + (ch.charCodeAt(0) - 48);
    if (n > 4294967295) fail("value out of range");
  }
  if (!negative && n >= 2 ** 31) fail("value out of range");
  if (negative && n > 2 ** 31) fail("value out of range");
  return negative ? -n : n;
}
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
function goParseInt64(s) {
  const m = /^([+-]?)([0-9]+)$/.exec(s);
  if (m === null) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const n = m[1] === "-" ? -BigInt(m[2]) : BigInt(m[2]);
  if (n < INT64_MIN || n > INT64_MAX) throw new Error(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return n;
}

// src/platform/platform.ts
var PlatformError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PlatformError";
  }
};
var INVALID_ARGUMENT = "invalid argument";
var OS_RE_SOURCE = String.raw`^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$`;
var SPECIFIER_RE_SOURCE = String.raw`^[A-Za-z0-9_.-]+$`;
var KNOWN_OS = /* @__PURE__ */ new Set([
  "aix",
  "android",
  "darwin",
  "dragonfly",
  "freebsd",
  "hurd",
  "illumos",
  "ios",
  "js",
  "linux",
  "nacl",
  "netbsd",
  "openbsd",
  "plan9",
  "solaris",
  "windows",
  "zos"
]);
var KNOWN_ARCH = /* @__PURE__ */ new Set([
  "386",
  "amd64",
  "amd64p32",
  "arm",
  "armbe",
  "arm64",
  "arm64be",
  "ppc64",
  "ppc64le",
  "loong64",
  "mips",
  "mipsle",
  "mips64",
  "mips64le",
  "mips64p32",
  "mips64p32le",
  "ppc",
  "riscv",
  "riscv64",
  "s390",
  "s390x",
  "sparc",
  "sparc64",
  "wasm"
]);
var NODE_ARCH_TO_GO = {
  x64: "amd64",
  ia32: "386",
  arm64: "arm64",
  arm: "arm",
  ppc64: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64",
  loong64: "loong64",
  mips: "mips",
  mipsel: "mipsle"
};
function hostPlatform() {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const architecture = NODE_ARCH_TO_GO[process.arch] ?? process.arch;
  const p = { os, architecture };
  if (architecture === "arm64") p.variant = "v8";
  if (architecture === "arm") {
    const v = process.config.variables.arm_version;
    p.variant = `v${typeof v === "string" || typeof v === "number" ? v : 7}`;
  }
  return p;
}
function normalizeOS(os, host) {
  if (os === "") return host.os;
  const lower = os.toLowerCase();
  return lower === "macos" ? "darwin" : lower;
}
function normalizeArch(arch, variant) {
  let a = arch.toLowerCase();
  let v = variant.toLowerCase();
  switch (a) {
    case "i386":
      a = "386";
      v = "";
      break;
    case "x86_64":
    case "x86-64":
    case "amd64":
      a = "amd64";
      if (v === "v1") v = "";
      break;
    case "aarch64":
    case "arm64":
      a = "arm64";
      if (v === "8" || v === "v8" || v === "v8.0") v = "";
      else if (v === "9" || v === "9.0" || v === "v9.0") v = "v9";
      break;
    case "armhf":
      a = "arm";
      v = "v7";
      break;
    case "armel":
      a = "arm";
      v = "v6";
      break;
    case "arm":
      if (v === "" || v === "7") v = "v7";
      else if (v === "5" || v === "6" || v === "8") v = `v${v}`;
      break;
  }
  return [a, v];
}
function sortedUnique(values) {
  const sorted = [...values].sort((x, y) => x < y ? -1 : x > y ? 1 : 0);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
function normalizePlatform(p, host = hostPlatform()) {
  const [architecture, variant] = normalizeArch(p.architecture, p.variant ?? "");
  const out = { os: normalizeOS(p.os, host), architecture };
  if (variant !== "") out.variant = variant;
  if (p.osVersion) out.osVersion = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) out.osFeatures = sortedUnique(p.osFeatures);
  return out;
}
function isSpecifierChar(c, extra) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 45 || extra.includes(String.fromCharCode(c));
}
function allChars(s, extra) {
  for (let i = 0; i < s.length; i++) if (!isSpecifierChar(s.charCodeAt(i), extra)) return false;
  return true;
}
function matchOSComponent(part) {
  const open = part.indexOf("(");
  if (open < 0) return part !== "" && allChars(part, "") ? { name: part, version: "", features: "" } : void 0;
  const name = part.slice(0, open);
  if (name === "" || !allChars(name, "") || !part.endsWith(")")) return void 0;
  const inner = part.slice(open + 1, -1);
  const plus = inner.indexOf("+");
  const version = plus < 0 ? inner : inner.slice(0, plus);
  const features = plus < 0 ? "" : inner.slice(plus);
  if (!allChars(version, ".%")) return void 0;
  if (features !== "" && !features.slice(1).split("+").every((f) => f !== "" && allChars(f, ".%"))) return void 0;
  return { name, version, features };
}
function isHex(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
}
function decodeOSOption(v) {
  if (!v.includes("%")) return v;
  const bytes2 = [];
  const raw = Buffer.from(v, "utf8");
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 37) {
      bytes2.push(raw[i]);
      continue;
    }
    if (i + 2 >= raw.length || !isHex(raw[i + 1]) || !isHex(raw[i + 2])) {
      const bad = raw.subarray(i, i + 3).toString("utf8");
      throw new PlatformError(`invalid URL escape ${goQuote(bad)}`);
    }
    bytes2.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
    i += 2;
  }
  return Buffer.from(bytes2).toString("utf8");
}
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
function parseOSFeatures(s) {
  const features = [];
  for (const piece of s.split("+")) {
    const raw = piece.trim();
    if (raw === "") throw new PlatformError(`empty os feature: ${INVALID_ARGUMENT}`);
    let feature;
    try {
      feature = decodeOSOption(raw);
    } catch (err) {
      throw new PlatformError(`invalid os feature ${goQuote(raw)}: ${errorText(err)}`);
    }
    if (feature !== "") features.push(feature);
  }
  return features;
}
function splitN(s, sep, n) {
  const out = [];
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
function parsePlatform(specifier, host = hostPlatform()) {
  const q = goQuote(specifier);
  if (specifier.includes("*")) {
    throw new PlatformError(`${q}: wildcards not yet supported: ${INVALID_ARGUMENT}`);
  }
  const parts = splitN(specifier, "/", 4);
  const p = { os: "", architecture: "" };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i > 0) {
      if (part === "" || !allChars(part, ".")) {
        throw new PlatformError(
          `${goQuote(part)} is an invalid component of ${q}: platform specifier component must match ${goQuote(SPECIFIER_RE_SOURCE)}: ${INVALID_ARGUMENT}`
        );
      }
      continue;
    }
    const m = matchOSComponent(part);
    if (m === void 0) {
      throw new PlatformError(
        `${goQuote(part)} is an invalid OS component of ${q}: OSAndVersion specifier component must match ${goQuote(OS_RE_SOURCE)}: ${INVALID_ARGUMENT}`
      );
    }
    p.os = normalizeOS(m.name, host);
    try {
      const v = decodeOSOption(m.version);
      if (v !== "") p.osVersion = v;
    } catch (err) {
      throw new PlatformError(`${q} has an invalid OS version ${goQuote(m.version)}: ${errorText(err)}`);
    }
    if (m.features !== "") {
      try {
        const f = parseOSFeatures(m.features.slice(1));
        if (f.length > 0) p.osFeatures = f;
      } catch (err) {
        throw new PlatformError(`${q} has invalid OS features: ${errorText(err)}`);
      }
    }
  }
  const setArch = (arch, variant) => {
    [p.architecture, p.variant] = normalizeArch(arch, variant);
    if (p.variant === "") delete p.variant;
  };
  switch (parts.length) {
    case 1: {
      if (KNOWN_OS.has(p.os)) {
        p.architecture = host.architecture;
        if (host.architecture === "arm" && host.variant && host.variant !== "v7") p.variant = host.variant;
        return p;
      }
      setArch(parts[0], "");
      if (p.architecture === "arm" && p.variant === "v7") delete p.variant;
      if (KNOWN_ARCH.has(p.architecture)) {
        p.os = host.os;
        return p;
      }
      throw new PlatformError(`${q}: unknown operating system or architecture: ${INVALID_ARGUMENT}`);
    }
    case 2:
      setArch(parts[1], "");
      if (p.architecture === "arm" && p.variant === "v7") delete p.variant;
      return p;
    case 3:
      setArch(parts[1], parts[2]);
      if (p.architecture === "arm64" && p.variant === void 0) p.variant = "v8";
      return p;
  }
  throw new PlatformError(`${q}: cannot parse platform specifier: ${INVALID_ARGUMENT}`);
}
function formatPlatform(p) {
  if (p.os === "") return "unknown";
  return joinPath(p.os, p.architecture, p.variant ?? "");
}
var OS_OPTION_ESCAPES = {
  "%": "%25",
  "+": "%2B",
  "(": "%28",
  ")": "%29",
  "/": "%2F"
};
function encodeOSOption(v) {
  return v.replace(/[%+()/]/g, (c) => OS_OPTION_ESCAPES[c] ?? c);
}
function formatPlatformAll(p) {
  if (p.os === "") return "unknown";
  const features = p.osFeatures ?? [];
  if (!p.osVersion && features.length === 0) return formatPlatform(p);
  const osv = encodeOSOption(p.osVersion ?? "");
  const formatted = sortedUnique(features).filter((f) => f !== "").map(encodeOSOption).join("+");
  let os = p.os;
  if (osv !== "" || formatted !== "") os += `(${osv}${formatted !== "" ? `+${formatted}` : ""})`;
  return joinPath(os, p.architecture, p.variant ?? "");
}
function fromOCIPlatform(o) {
  const p = { os: o.os ?? "", architecture: o.architecture ?? "" };
  if (o.variant) p.variant = o.variant;
  if (o["os.version"]) p.osVersion = o["os.version"];
  if (o["os.features"] && o["os.features"].length > 0) p.osFeatures = [...o["os.features"]];
  return p;
}

// src/llb/platform.ts
function defaultPlatform() {
  return normalizePlatform(hostPlatform());
}

// src/protobuf/registry.ts
var registry = /* @__PURE__ */ new Map();
function defineMessage(typeName, fields) {
  const oneofIndex = /* @__PURE__ */ new Map();
  for (const f of fields) if (f.kind !== "map" && f.oneof !== void 0 && !oneofIndex.has(f.oneof)) oneofIndex.set(f.oneof, oneofIndex.size);
  const group = (f) => f.kind !== "map" && f.oneof !== void 0 ? 1 + oneofIndex.get(f.oneof) : 0;
  const byNumber = [...fields].sort((a, b) => group(a) - group(b) || a.no - b.no);
  const desc = {
    typeName,
    fields,
    byNumber,
    fieldByNumber: new Map(fields.map((f) => [f.no, f]))
  };
  registry.set(typeName, desc);
  return desc;
}
var enums = /* @__PURE__ */ new Map();
function defineEnum(typeName, values) {
  const byNumber = /* @__PURE__ */ new Map();
  for (const [name, no] of Object.entries(values)) if (!byNumber.has(no)) byNumber.set(no, name);
  enums.set(typeName, byNumber);
}
function messageDesc(typeName) {
  const d = registry.get(typeName);
  if (d === void 0) throw new Error(`protobuf: unknown message type ${typeName}`);
  return d;
}

// src/protobuf/writer.ts
var encoder = new TextEncoder();
var SLAB_SIZE = 1 << 16;
var slab = new Uint8Array(SLAB_SIZE);
var slabPos = 0;
function varintSize(v) {
  let k = 1;
  while (v > 127) {
    v = Math.floor(v / 128);
    k++;
  }
  return k;
}
var Writer = class {
  buf;
  pos = 0;
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
  }
  ensure(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
  /** An unsigned varint of a non-negative number below 2^53. */
  uvarint(v) {
    this.ensure(10);
    while (v > 127) {
      this.buf[this.pos++] = v % 128 | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
  }
  /** A varint of any 64-bit value; negatives are two's complement (10 bytes), as Go writes them. */
  varint64(v) {
    if (typeof v === "number") {
      if (v >= 0 && Number.isSafeInteger(v)) return this.uvarint(v);
      if (v < 0 && v >= -2147483648 && Number.isInteger(v)) return this.negativeInt32(v);
      v = BigInt(v);
    }
    let u = BigInt.asUintN(64, v);
    this.ensure(10);
    while (u > 0x7fn) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 128;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }
  /** A negative 32-bit integer as Go writes it: sign-extended to 64 bits, 10 bytes (no BigInt). */
  negativeInt32(v) {
    this.ensure(10);
    const buf = this.buf;
    let lo = v >>> 0;
    let hi = 4294967295;
    while (hi !== 0) {
      buf[this.pos++] = lo & 127 | 128;
      lo = (lo >>> 7 | hi << 25) >>> 0;
      hi >>>= 7;
    }
    while (lo > 127) {
      buf[this.pos++] = lo & 127 | 128;
      lo >>>= 7;
    }
    buf[this.pos++] = lo;
  }
  tag(no, wireType2) {
    this.uvarint(no * 8 + wireType2);
  }
  fixed32(v) {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
  }
  fixed64(v) {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setBigUint64(this.pos, BigInt.asUintN(64, v), true);
    this.pos += 8;
  }
  float32(v) {
    this.ensure(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat32(this.pos, v, true);
    this.pos += 4;
  }
  float64(v) {
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.pos, v, true);
    this.pos += 8;
  }
  /** Length-prefixed bytes. */
  bytes(b) {
    this.uvarint(b.length);
    this.raw(b);
  }
  raw(b) {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** Length-prefixed UTF-8; ASCII is copied directly (one pass), the common case for LLB. */
  string(s) {
    const n = s.length;
    this.uvarint(n);
    this.ensure(n);
    const buf = this.buf;
    const start = this.pos;
    if (n >= 32) {
      const r = encoder.encodeInto(s, buf.subarray(start, start + n));
      if (r.read === n && r.written === n) {
        this.pos = start + n;
        return;
      }
      this.pos = start - varintSize(n);
      this.bytes(encoder.encode(s));
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        this.pos = start - varintSize(n);
        this.bytes(encoder.encode(s));
        return;
      }
      buf[start + i] = c;
    }
    this.pos = start + n;
  }
  get length() {
    return this.pos;
  }
  /** Starts a length-delimited section; pass the result to `join` when it is written. */
  fork() {
    this.ensure(1);
    return this.pos++;
  }
  /**
   * Ends a section started by `fork`: writes its length in front of it. One
   * byte was reserved, which fits lengths below 128; longer sections are moved.
   */
  join(start) {
    const len = this.pos - start - 1;
    if (len < 128) {
      this.buf[start] = len;
      return;
    }
    let k = 1;
    for (let v2 = len; v2 >= 128; v2 = Math.floor(v2 / 128)) k++;
    this.ensure(k - 1);
    this.buf.copyWithin(start + k, start + 1, this.pos);
    this.pos += k - 1;
    let v = len;
    let i = start;
    while (v >= 128) {
      this.buf[i++] = v % 128 | 128;
      v = Math.floor(v / 128);
    }
    this.buf[i] = v;
  }
  /** Forgets what was written, keeping the buffer for reuse. */
  reset() {
    this.pos = 0;
  }
  /**
   * The bytes written so far, for a writer that is not used again: a view of
   * the buffer when little of it is unused, else a copy.
   */
  take() {
    if (this.pos * 4 >= this.buf.length * 3) return this.buf.subarray(0, this.pos);
    return this.buf.slice(0, this.pos);
  }
  /**
   * A copy of the bytes written so far, in a slab shared with other results
   * (many small results, one backing store each, weigh on the garbage collector).
   */
  finishPooled() {
    const n = this.pos;
    if (n > SLAB_SIZE / 8) return this.finish();
    if (slabPos + n > SLAB_SIZE) {
      slab = new Uint8Array(SLAB_SIZE);
      slabPos = 0;
    }
    const out = slab.subarray(slabPos, slabPos + n);
    out.set(this.buf.subarray(0, n));
    slabPos += n + 7 & ~7;
    return out;
  }
  /** A copy of the bytes written so far. */
  finish() {
    return this.buf.slice(0, this.pos);
  }
};

// src/protobuf/encode.ts
var shared = new Writer(1 << 16);
function encodeMessage(desc, msg) {
  shared.reset();
  writeFields(shared, desc, msg);
  return shared.finish();
}
function writeMessage(w, desc, msg) {
  writeFields(w, desc, msg);
}
function sortStringKeys(keys) {
  const n = keys.length;
  for (let i = 0; i < n; i++) if (hasSurrogate(keys[i])) return keys.sort(compareUtf8);
  if (n > 12) return keys.sort();
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
function writeFields(w, desc, msg) {
  for (const f of desc.byNumber) {
    if (f.kind === "map") {
      const m = msg[f.name];
      if (m !== void 0) writeMap(w, f, m);
      continue;
    }
    let value;
    let present = false;
    if (f.oneof !== void 0) {
      const o = msg[f.oneof];
      if (o === void 0 || o.case !== f.name) continue;
      value = o.value;
      present = true;
    } else {
      value = msg[f.name];
      if (value === void 0 || value === null) continue;
    }
    if (f.repeated) {
      const arr = value;
      if (arr.length === 0) continue;
      if (f.kind === "message") {
        const sub3 = messageDesc(f.typeName);
        for (const v of arr) writeSubmessage(w, f.no, sub3, v);
      } else {
        const kind2 = f.kind === "enum" ? "int32" : f.scalar;
        if (f.packed) {
          w.tag(f.no, 2);
          const start = w.fork();
          for (const v of arr) writeScalarValue(w, kind2, v);
          w.join(start);
        } else {
          for (const v of arr) {
            w.tag(f.no, wireType(kind2));
            writeScalarValue(w, kind2, v);
          }
        }
      }
      continue;
    }
    if (f.kind === "message") {
      writeSubmessage(w, f.no, messageDesc(f.typeName), value);
      continue;
    }
    const kind = f.kind === "enum" ? "int32" : f.scalar;
    if (!present && isZero(value)) continue;
    w.tag(f.no, wireType(kind));
    writeScalarValue(w, kind, value);
  }
}
function writeSubmessage(w, no, desc, value) {
  w.tag(no, 2);
  const start = w.fork();
  writeFields(w, desc, value);
  w.join(start);
}
function writeMap(w, f, m) {
  const keyKind = f.mapKey;
  const keys = Object.keys(m);
  if (keys.length === 0) return;
  if (keyKind !== "string") keys.sort(compareMapKeys(keyKind));
  else sortStringKeys(keys);
  const valueDesc = f.mapValue.kind === "message" ? messageDesc(f.mapValue.typeName) : void 0;
  const valueKind = f.mapValue.kind === "scalar" ? f.mapValue.scalar : f.mapValue.kind === "enum" ? "int32" : "bytes";
  for (const k of keys) {
    w.tag(f.no, 2);
    const start = w.fork();
    w.tag(1, wireType(keyKind));
    writeScalarValue(w, keyKind, parseKey(keyKind, k));
    const v = m[k];
    if (valueDesc !== void 0) {
      writeSubmessage(w, 2, valueDesc, v ?? {});
    } else {
      w.tag(2, wireType(valueKind));
      writeScalarValue(w, valueKind, v);
    }
    w.join(start);
  }
}
function hasSurrogate(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 55296 && c <= 57343) return true;
  }
  return false;
}
function compareUtf8(a, b) {
  if (a === b) return 0;
  if (hasSurrogate(a) || hasSurrogate(b)) return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
  return a < b ? -1 : 1;
}
function compareMapKeys(kind) {
  if (kind === "bool") return (a, b) => a === b ? 0 : a === "false" ? -1 : 1;
  return (a, b) => {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
function parseKey(kind, k) {
  if (kind === "string") return k;
  if (kind === "bool") return k === "true";
  return BigInt(k);
}
function isZero(v) {
  switch (typeof v) {
    case "number":
      return v === 0 && !Object.is(v, -0);
    case "bigint":
      return v === 0n;
    case "string":
      return v.length === 0;
    case "boolean":
      return !v;
    default:
      return v instanceof Uint8Array && v.length === 0;
  }
}
function wireType(kind) {
  switch (kind) {
    case "string":
    case "bytes":
      return 2;
    case "fixed32":
    case "sfixed32":
    case "float":
      return 5;
    case "fixed64":
    case "sfixed64":
    case "double":
      return 1;
    default:
      return 0;
  }
}
function writeScalarValue(w, kind, v) {
  switch (kind) {
    case "string":
      w.string(v);
      return;
    case "bytes":
      w.bytes(v);
      return;
    case "bool":
      w.uvarint(v ? 1 : 0);
      return;
    case "int32":
    case "int64":
      w.varint64(v);
      return;
    case "uint32":
      w.uvarint(Number(v) >>> 0);
      return;
    case "uint64":
      w.varint64(BigInt.asUintN(64, BigInt(v)));
      return;
    case "sint32":
    case "sint64": {
      const b = BigInt(v);
      w.varint64(b >= 0n ? b << 1n : (-b << 1n) - 1n);
      return;
    }
    case "fixed32":
    case "sfixed32":
      w.fixed32(Number(v));
      return;
    case "fixed64":
    case "sfixed64":
      w.fixed64(BigInt(v));
      return;
    case "float":
      w.float32(Number(v));
      return;
    case "double":
      w.float64(Number(v));
      return;
  }
}

// src/gen/pb.ts
var NetMode = {
  UNSET: 0,
  HOST: 1,
  NONE: 2
};
defineEnum("pb.NetMode", NetMode);
var SecurityMode = {
  SANDBOX: 0,
  INSECURE: 1
};
defineEnum("pb.SecurityMode", SecurityMode);
var MountType = {
  BIND: 0,
  SECRET: 1,
  SSH: 2,
  CACHE: 3,
  TMPFS: 4
};
defineEnum("pb.MountType", MountType);
var MountContentCache = {
  DEFAULT: 0,
  ON: 1,
  OFF: 2
};
defineEnum("pb.MountContentCache", MountContentCache);
var CacheSharingOpt = {
  SHARED: 0,
  PRIVATE: 1,
  LOCKED: 2
};
defineEnum("pb.CacheSharingOpt", CacheSharingOpt);
var Op = defineMessage("pb.Op", [
  { name: "inputs", no: 1, kind: "message", typeName: "pb.Input", repeated: true },
  { name: "exec", no: 2, kind: "message", typeName: "pb.ExecOp", oneof: "op" },
  { name: "source", no: 3, kind: "message", typeName: "pb.SourceOp", oneof: "op" },
  { name: "file", no: 4, kind: "message", typeName: "pb.FileOp", oneof: "op" },
  { name: "build", no: 5, kind: "message", typeName: "pb.BuildOp", oneof: "op" },
  { name: "merge", no: 6, kind: "message", typeName: "pb.MergeOp", oneof: "op" },
  { name: "diff", no: 7, kind: "message", typeName: "pb.DiffOp", oneof: "op" },
  { name: "passthrough", no: 8, kind: "message", typeName: "pb.PassthroughOp", oneof: "op" },
  { name: "platform", no: 10, kind: "message", typeName: "pb.Platform" },
  { name: "constraints", no: 11, kind: "message", typeName: "pb.WorkerConstraints" }
]);
var Platform = defineMessage("pb.Platform", [
  { name: "Architecture", no: 1, kind: "scalar", scalar: "string" },
  { name: "OS", no: 2, kind: "scalar", scalar: "string" },
  { name: "Variant", no: 3, kind: "scalar", scalar: "string" },
  { name: "OSVersion", no: 4, kind: "scalar", scalar: "string" },
  { name: "OSFeatures", no: 5, kind: "scalar", scalar: "string", repeated: true }
]);
var Input = defineMessage("pb.Input", [
  { name: "digest", no: 1, kind: "scalar", scalar: "string" },
  { name: "index", no: 2, kind: "scalar", scalar: "int64" }
]);
var ExecOp = defineMessage("pb.ExecOp", [
  { name: "meta", no: 1, kind: "message", typeName: "pb.Meta" },
  { name: "mounts", no: 2, kind: "message", typeName: "pb.Mount", repeated: true },
  { name: "network", no: 3, kind: "enum", enumType: "pb.NetMode" },
  { name: "security", no: 4, kind: "enum", enumType: "pb.SecurityMode" },
  { name: "secretenv", no: 5, kind: "message", typeName: "pb.SecretEnv", repeated: true },
  { name: "cdiDevices", no: 6, kind: "message", typeName: "pb.CDIDevice", repeated: true }
]);
var Meta = defineMessage("pb.Meta", [
  { name: "args", no: 1, kind: "scalar", scalar: "string", repeated: true },
  { name: "env", no: 2, kind: "scalar", scalar: "string", repeated: true },
  { name: "cwd", no: 3, kind: "scalar", scalar: "string" },
  { name: "user", no: 4, kind: "scalar", scalar: "string" },
  { name: "proxy_env", no: 5, kind: "message", typeName: "pb.ProxyEnv" },
  { name: "extraHosts", no: 6, kind: "message", typeName: "pb.HostIP", repeated: true },
  { name: "hostname", no: 7, kind: "scalar", scalar: "string" },
  { name: "ulimit", no: 9, kind: "message", typeName: "pb.Ulimit", repeated: true },
  { name: "cgroupParent", no: 10, kind: "scalar", scalar: "string" },
  { name: "removeMountStubsRecursive", no: 11, kind: "scalar", scalar: "bool" },
  { name: "validExitCodes", no: 12, kind: "scalar", scalar: "int32", repeated: true, packed: true }
]);
var HostIP = defineMessage("pb.HostIP", [
  { name: "Host", no: 1, kind: "scalar", scalar: "string" },
  { name: "IP", no: 2, kind: "scalar", scalar: "string" }
]);
var Ulimit = defineMessage("pb.Ulimit", [
  { name: "Name", no: 1, kind: "scalar", scalar: "string" },
  { name: "Soft", no: 2, kind: "scalar", scalar: "int64" },
  { name: "Hard", no: 3, kind: "scalar", scalar: "int64" }
]);
var SecretEnv = defineMessage("pb.SecretEnv", [
  { name: "ID", no: 1, kind: "scalar", scalar: "string" },
  { name: "name", no: 2, kind: "scalar", scalar: "string" },
  { name: "optional", no: 3, kind: "scalar", scalar: "bool" }
]);
var CDIDevice = defineMessage("pb.CDIDevice", [
  { name: "name", no: 1, kind: "scalar", scalar: "string" },
  { name: "optional", no: 2, kind: "scalar", scalar: "bool" }
]);
var Mount = defineMessage("pb.Mount", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" },
  { name: "selector", no: 2, kind: "scalar", scalar: "string" },
  { name: "dest", no: 3, kind: "scalar", scalar: "string" },
  { name: "output", no: 4, kind: "scalar", scalar: "int64" },
  { name: "readonly", no: 5, kind: "scalar", scalar: "bool" },
  { name: "mountType", no: 6, kind: "enum", enumType: "pb.MountType" },
  { name: "TmpfsOpt", no: 19, kind: "message", typeName: "pb.TmpfsOpt" },
  { name: "cacheOpt", no: 20, kind: "message", typeName: "pb.CacheOpt" },
  { name: "secretOpt", no: 21, kind: "message", typeName: "pb.SecretOpt" },
  { name: "SSHOpt", no: 22, kind: "message", typeName: "pb.SSHOpt" },
  { name: "resultID", no: 23, kind: "scalar", scalar: "string" },
  { name: "contentCache", no: 24, kind: "enum", enumType: "pb.MountContentCache" }
]);
var TmpfsOpt = defineMessage("pb.TmpfsOpt", [
  { name: "size", no: 1, kind: "scalar", scalar: "int64" }
]);
var CacheOpt = defineMessage("pb.CacheOpt", [
  { name: "ID", no: 1, kind: "scalar", scalar: "string" },
  { name: "sharing", no: 2, kind: "enum", enumType: "pb.CacheSharingOpt" }
]);
var SecretOpt = defineMessage("pb.SecretOpt", [
  { name: "ID", no: 1, kind: "scalar", scalar: "string" },
  { name: "uid", no: 2, kind: "scalar", scalar: "uint32" },
  { name: "gid", no: 3, kind: "scalar", scalar: "uint32" },
  { name: "mode", no: 4, kind: "scalar", scalar: "uint32" },
  { name: "optional", no: 5, kind: "scalar", scalar: "bool" }
]);
var SSHOpt = defineMessage("pb.SSHOpt", [
  { name: "ID", no: 1, kind: "scalar", scalar: "string" },
  { name: "uid", no: 2, kind: "scalar", scalar: "uint32" },
  { name: "gid", no: 3, kind: "scalar", scalar: "uint32" },
  { name: "mode", no: 4, kind: "scalar", scalar: "uint32" },
  { name: "optional", no: 5, kind: "scalar", scalar: "bool" }
]);
var SourceOp = defineMessage("pb.SourceOp", [
  { name: "identifier", no: 1, kind: "scalar", scalar: "string" },
  { name: "attrs", no: 2, kind: "map", mapKey: "string", mapValue: { kind: "scalar", scalar: "string" } }
]);
var BuildOp = defineMessage("pb.BuildOp", [
  { name: "builder", no: 1, kind: "scalar", scalar: "int64" },
  { name: "inputs", no: 2, kind: "map", mapKey: "string", mapValue: { kind: "message", typeName: "pb.BuildInput" } },
  { name: "def", no: 3, kind: "message", typeName: "pb.Definition" },
  { name: "attrs", no: 4, kind: "map", mapKey: "string", mapValue: { kind: "scalar", scalar: "string" } }
]);
var BuildInput = defineMessage("pb.BuildInput", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" }
]);
var OpMetadata = defineMessage("pb.OpMetadata", [
  { name: "ignore_cache", no: 1, kind: "scalar", scalar: "bool" },
  { name: "description", no: 2, kind: "map", mapKey: "string", mapValue: { kind: "scalar", scalar: "string" } },
  { name: "export_cache", no: 4, kind: "message", typeName: "pb.ExportCache" },
  { name: "caps", no: 5, kind: "map", mapKey: "string", mapValue: { kind: "scalar", scalar: "bool" } },
  { name: "progress_group", no: 6, kind: "message", typeName: "pb.ProgressGroup" },
  { name: "linux_resources", no: 7, kind: "message", typeName: "pb.LinuxResources" }
]);
var Source = defineMessage("pb.Source", [
  { name: "locations", no: 1, kind: "map", mapKey: "string", mapValue: { kind: "message", typeName: "pb.Locations" } },
  { name: "infos", no: 2, kind: "message", typeName: "pb.SourceInfo", repeated: true }
]);
var Locations = defineMessage("pb.Locations", [
  { name: "locations", no: 1, kind: "message", typeName: "pb.Location", repeated: true }
]);
var SourceInfo = defineMessage("pb.SourceInfo", [
  { name: "filename", no: 1, kind: "scalar", scalar: "string" },
  { name: "data", no: 2, kind: "scalar", scalar: "bytes" },
  { name: "definition", no: 3, kind: "message", typeName: "pb.Definition" },
  { name: "language", no: 4, kind: "scalar", scalar: "string" }
]);
var Location = defineMessage("pb.Location", [
  { name: "sourceIndex", no: 1, kind: "scalar", scalar: "int32" },
  { name: "ranges", no: 2, kind: "message", typeName: "pb.Range", repeated: true }
]);
var Range = defineMessage("pb.Range", [
  { name: "start", no: 1, kind: "message", typeName: "pb.Position" },
  { name: "end", no: 2, kind: "message", typeName: "pb.Position" }
]);
var Position = defineMessage("pb.Position", [
  { name: "line", no: 1, kind: "scalar", scalar: "int32" },
  { name: "character", no: 2, kind: "scalar", scalar: "int32" }
]);
var ExportCache = defineMessage("pb.ExportCache", [
  { name: "Value", no: 1, kind: "scalar", scalar: "bool" }
]);
var ProgressGroup = defineMessage("pb.ProgressGroup", [
  { name: "id", no: 1, kind: "scalar", scalar: "string" },
  { name: "name", no: 2, kind: "scalar", scalar: "string" },
  { name: "weak", no: 3, kind: "scalar", scalar: "bool" }
]);
var LinuxResources = defineMessage("pb.LinuxResources", [
  { name: "memory", no: 1, kind: "scalar", scalar: "int64" },
  { name: "memorySwap", no: 2, kind: "scalar", scalar: "int64" },
  { name: "cpuShares", no: 3, kind: "scalar", scalar: "uint64" },
  { name: "cpuPeriod", no: 4, kind: "scalar", scalar: "uint64" },
  { name: "cpuQuota", no: 5, kind: "scalar", scalar: "int64" },
  { name: "cpusetCpus", no: 6, kind: "scalar", scalar: "string" },
  { name: "cpusetMems", no: 7, kind: "scalar", scalar: "string" }
]);
var ProxyEnv = defineMessage("pb.ProxyEnv", [
  { name: "http_proxy", no: 1, kind: "scalar", scalar: "string" },
  { name: "https_proxy", no: 2, kind: "scalar", scalar: "string" },
  { name: "ftp_proxy", no: 3, kind: "scalar", scalar: "string" },
  { name: "no_proxy", no: 4, kind: "scalar", scalar: "string" },
  { name: "all_proxy", no: 5, kind: "scalar", scalar: "string" }
]);
var WorkerConstraints = defineMessage("pb.WorkerConstraints", [
  { name: "filter", no: 1, kind: "scalar", scalar: "string", repeated: true }
]);
var Definition = defineMessage("pb.Definition", [
  { name: "def", no: 1, kind: "scalar", scalar: "bytes", repeated: true },
  { name: "metadata", no: 2, kind: "map", mapKey: "string", mapValue: { kind: "message", typeName: "pb.OpMetadata" } },
  { name: "Source", no: 3, kind: "message", typeName: "pb.Source" }
]);
var FileOp = defineMessage("pb.FileOp", [
  { name: "actions", no: 2, kind: "message", typeName: "pb.FileAction", repeated: true }
]);
var FileAction = defineMessage("pb.FileAction", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" },
  { name: "secondaryInput", no: 2, kind: "scalar", scalar: "int64" },
  { name: "output", no: 3, kind: "scalar", scalar: "int64" },
  { name: "copy", no: 4, kind: "message", typeName: "pb.FileActionCopy", oneof: "action" },
  { name: "mkfile", no: 5, kind: "message", typeName: "pb.FileActionMkFile", oneof: "action" },
  { name: "mkdir", no: 6, kind: "message", typeName: "pb.FileActionMkDir", oneof: "action" },
  { name: "rm", no: 7, kind: "message", typeName: "pb.FileActionRm", oneof: "action" },
  { name: "symlink", no: 8, kind: "message", typeName: "pb.FileActionSymlink", oneof: "action" }
]);
var FileActionCopy = defineMessage("pb.FileActionCopy", [
  { name: "src", no: 1, kind: "scalar", scalar: "string" },
  { name: "dest", no: 2, kind: "scalar", scalar: "string" },
  { name: "owner", no: 3, kind: "message", typeName: "pb.ChownOpt" },
  { name: "mode", no: 4, kind: "scalar", scalar: "int32" },
  { name: "followSymlink", no: 5, kind: "scalar", scalar: "bool" },
  { name: "dirCopyContents", no: 6, kind: "scalar", scalar: "bool" },
  { name: "attemptUnpackDockerCompatibility", no: 7, kind: "scalar", scalar: "bool" },
  { name: "createDestPath", no: 8, kind: "scalar", scalar: "bool" },
  { name: "allowWildcard", no: 9, kind: "scalar", scalar: "bool" },
  { name: "allowEmptyWildcard", no: 10, kind: "scalar", scalar: "bool" },
  { name: "timestamp", no: 11, kind: "scalar", scalar: "int64" },
  { name: "include_patterns", no: 12, kind: "scalar", scalar: "string", repeated: true },
  { name: "exclude_patterns", no: 13, kind: "scalar", scalar: "string", repeated: true },
  { name: "alwaysReplaceExistingDestPaths", no: 14, kind: "scalar", scalar: "bool" },
  { name: "modeStr", no: 15, kind: "scalar", scalar: "string" },
  { name: "required_paths", no: 16, kind: "scalar", scalar: "string", repeated: true }
]);
var FileActionMkFile = defineMessage("pb.FileActionMkFile", [
  { name: "path", no: 1, kind: "scalar", scalar: "string" },
  { name: "mode", no: 2, kind: "scalar", scalar: "int32" },
  { name: "data", no: 3, kind: "scalar", scalar: "bytes" },
  { name: "owner", no: 4, kind: "message", typeName: "pb.ChownOpt" },
  { name: "timestamp", no: 5, kind: "scalar", scalar: "int64" }
]);
var FileActionSymlink = defineMessage("pb.FileActionSymlink", [
  { name: "oldpath", no: 1, kind: "scalar", scalar: "string" },
  { name: "newpath", no: 2, kind: "scalar", scalar: "string" },
  { name: "owner", no: 3, kind: "message", typeName: "pb.ChownOpt" },
  { name: "timestamp", no: 4, kind: "scalar", scalar: "int64" }
]);
var FileActionMkDir = defineMessage("pb.FileActionMkDir", [
  { name: "path", no: 1, kind: "scalar", scalar: "string" },
  { name: "mode", no: 2, kind: "scalar", scalar: "int32" },
  { name: "makeParents", no: 3, kind: "scalar", scalar: "bool" },
  { name: "owner", no: 4, kind: "message", typeName: "pb.ChownOpt" },
  { name: "timestamp", no: 5, kind: "scalar", scalar: "int64" }
]);
var FileActionRm = defineMessage("pb.FileActionRm", [
  { name: "path", no: 1, kind: "scalar", scalar: "string" },
  { name: "allowNotFound", no: 2, kind: "scalar", scalar: "bool" },
  { name: "allowWildcard", no: 3, kind: "scalar", scalar: "bool" }
]);
var ChownOpt = defineMessage("pb.ChownOpt", [
  { name: "user", no: 1, kind: "message", typeName: "pb.UserOpt" },
  { name: "group", no: 2, kind: "message", typeName: "pb.UserOpt" }
]);
var UserOpt = defineMessage("pb.UserOpt", [
  { name: "byName", no: 1, kind: "message", typeName: "pb.NamedUserOpt", oneof: "user" },
  { name: "byID", no: 2, kind: "scalar", scalar: "uint32", oneof: "user" }
]);
var NamedUserOpt = defineMessage("pb.NamedUserOpt", [
  { name: "name", no: 1, kind: "scalar", scalar: "string" },
  { name: "input", no: 2, kind: "scalar", scalar: "int64" }
]);
var MergeInput = defineMessage("pb.MergeInput", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" }
]);
var MergeOp = defineMessage("pb.MergeOp", [
  { name: "inputs", no: 1, kind: "message", typeName: "pb.MergeInput", repeated: true }
]);
var LowerDiffInput = defineMessage("pb.LowerDiffInput", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" }
]);
var UpperDiffInput = defineMessage("pb.UpperDiffInput", [
  { name: "input", no: 1, kind: "scalar", scalar: "int64" }
]);
var DiffOp = defineMessage("pb.DiffOp", [
  { name: "lower", no: 1, kind: "message", typeName: "pb.LowerDiffInput" },
  { name: "upper", no: 2, kind: "message", typeName: "pb.UpperDiffInput" }
]);
var PassthroughOp = defineMessage("pb.PassthroughOp", [
  { name: "id", no: 1, kind: "scalar", scalar: "string" },
  { name: "outputs", no: 2, kind: "scalar", scalar: "int64", repeated: true, packed: true }
]);

// src/llb/op-encode.ts
var shared2 = new Writer(1 << 12);
function encodeOp(op) {
  const w = shared2;
  w.reset();
  const inputs = op.inputs;
  if (inputs != null) for (const inp of inputs) writeInput(w, inp);
  if (op.platform != null) {
    w.tag(10, 2);
    const s = w.fork();
    writePlatform(w, op.platform);
    w.join(s);
  }
  if (op.constraints != null) {
    w.tag(11, 2);
    const s = w.fork();
    writeWorkerConstraints(w, op.constraints);
    w.join(s);
  }
  const o = op.op;
  if (o != null) {
    switch (o.case) {
      case "exec": {
        w.tag(2, 2);
        const s = w.fork();
        writeExec(w, o.value);
        w.join(s);
        break;
      }
      case "source": {
        w.tag(3, 2);
        const s = w.fork();
        writeSource(w, o.value);
        w.join(s);
        break;
      }
      case "file": {
        w.tag(4, 2);
        const s = w.fork();
        writeFileOp(w, o.value);
        w.join(s);
        break;
      }
      case "build":
        sub(w, 5, BuildOp, o.value);
        break;
      case "merge": {
        w.tag(6, 2);
        const s = w.fork();
        writeMerge(w, o.value);
        w.join(s);
        break;
      }
      case "diff":
        sub(w, 7, DiffOp, o.value);
        break;
      case "passthrough":
        sub(w, 8, PassthroughOp, o.value);
        break;
    }
  }
  return w.finishPooled();
}
function sub(w, no, desc, msg) {
  w.tag(no, 2);
  const s = w.fork();
  writeMessage(w, desc, msg);
  w.join(s);
}
function subs(w, no, desc, list) {
  if (list != null) for (const m of list) sub(w, no, desc, m);
}
function str(w, no, v) {
  if (v == null || v.length === 0) return;
  w.tag(no, 2);
  w.string(v);
}
function strs(w, no, v) {
  if (v == null) return;
  for (const s of v) {
    w.tag(no, 2);
    w.string(s);
  }
}
function bool(w, no, v) {
  if (!v) return;
  w.tag(no, 0);
  w.uvarint(1);
}
function int(w, no, v) {
  if (v == null) return;
  if (typeof v === "number" ? v === 0 && 1 / v > 0 : v === 0n) return;
  w.tag(no, 0);
  w.varint64(v);
}
function bytes(w, no, v) {
  if (v == null || v.length === 0) return;
  w.tag(no, 2);
  w.bytes(v);
}
function writeInput(w, inp) {
  w.tag(1, 2);
  const s = w.fork();
  str(w, 1, inp.digest);
  int(w, 2, inp.index);
  w.join(s);
}
function writePlatform(w, p) {
  str(w, 1, p.Architecture);
  str(w, 2, p.OS);
  str(w, 3, p.Variant);
  str(w, 4, p.OSVersion);
  strs(w, 5, p.OSFeatures);
}
function writeWorkerConstraints(w, c) {
  strs(w, 1, c.filter);
}
function writeExec(w, e) {
  if (e.meta != null) {
    w.tag(1, 2);
    const s = w.fork();
    writeMeta(w, e.meta);
    w.join(s);
  }
  if (e.mounts != null) {
    for (const m of e.mounts) {
      w.tag(2, 2);
      const s = w.fork();
      writeMount(w, m);
      w.join(s);
    }
  }
  int(w, 3, e.network);
  int(w, 4, e.security);
  subs(w, 5, SecretEnv, e.secretenv);
  subs(w, 6, CDIDevice, e.cdiDevices);
}
function writeMeta(w, m) {
  strs(w, 1, m.args);
  strs(w, 2, m.env);
  str(w, 3, m.cwd);
  str(w, 4, m.user);
  if (m.proxy_env != null) sub(w, 5, ProxyEnv, m.proxy_env);
  subs(w, 6, HostIP, m.extraHosts);
  str(w, 7, m.hostname);
  subs(w, 9, Ulimit, m.ulimit);
  str(w, 10, m.cgroupParent);
  bool(w, 11, m.removeMountStubsRecursive);
  const codes = m.validExitCodes;
  if (codes != null && codes.length > 0) {
    w.tag(12, 2);
    const s = w.fork();
    for (const c of codes) w.varint64(c);
    w.join(s);
  }
}
function writeMount(w, m) {
  int(w, 1, m.input);
  str(w, 2, m.selector);
  str(w, 3, m.dest);
  int(w, 4, m.output);
  bool(w, 5, m.readonly);
  int(w, 6, m.mountType);
  if (m.TmpfsOpt != null) sub(w, 19, TmpfsOpt, m.TmpfsOpt);
  if (m.cacheOpt != null) {
    w.tag(20, 2);
    const s = w.fork();
    str(w, 1, m.cacheOpt.ID);
    int(w, 2, m.cacheOpt.sharing);
    w.join(s);
  }
  if (m.secretOpt != null) sub(w, 21, SecretOpt, m.secretOpt);
  if (m.SSHOpt != null) sub(w, 22, SSHOpt, m.SSHOpt);
  str(w, 23, m.resultID);
  int(w, 24, m.contentCache);
}
function writeSource(w, src) {
  str(w, 1, src.identifier);
  const attrs = src.attrs;
  if (attrs == null) return;
  for (const k of sortStringKeys(Object.keys(attrs))) {
    w.tag(2, 2);
    const s = w.fork();
    w.tag(1, 2);
    w.string(k);
    w.tag(2, 2);
    w.string(attrs[k]);
    w.join(s);
  }
}
function writeMerge(w, m) {
  if (m.inputs == null) return;
  for (const inp of m.inputs) {
    w.tag(1, 2);
    const s = w.fork();
    int(w, 1, inp.input);
    w.join(s);
  }
}
function writeFileOp(w, f) {
  if (f.actions == null) return;
  for (const a of f.actions) {
    w.tag(2, 2);
    const s = w.fork();
    writeFileAction(w, a);
    w.join(s);
  }
}
function writeFileAction(w, a) {
  int(w, 1, a.input);
  int(w, 2, a.secondaryInput);
  int(w, 3, a.output);
  const o = a.action;
  if (o == null) return;
  switch (o.case) {
    case "copy": {
      w.tag(4, 2);
      const s = w.fork();
      writeCopy(w, o.value);
      w.join(s);
      return;
    }
    case "mkfile": {
      w.tag(5, 2);
      const s = w.fork();
      writeMkfile(w, o.value);
      w.join(s);
      return;
    }
    case "mkdir": {
      w.tag(6, 2);
      const s = w.fork();
      writeMkdir(w, o.value);
      w.join(s);
      return;
    }
    case "rm":
      sub(w, 7, FileActionRm, o.value);
      return;
    case "symlink":
      sub(w, 8, FileActionSymlink, o.value);
      return;
  }
}
function writeCopy(w, c) {
  str(w, 1, c.src);
  str(w, 2, c.dest);
  if (c.owner != null) sub(w, 3, ChownOpt, c.owner);
  int(w, 4, c.mode);
  bool(w, 5, c.followSymlink);
  bool(w, 6, c.dirCopyContents);
  bool(w, 7, c.attemptUnpackDockerCompatibility);
  bool(w, 8, c.createDestPath);
  bool(w, 9, c.allowWildcard);
  bool(w, 10, c.allowEmptyWildcard);
  int(w, 11, c.timestamp);
  strs(w, 12, c.include_patterns);
  strs(w, 13, c.exclude_patterns);
  bool(w, 14, c.alwaysReplaceExistingDestPaths);
  str(w, 15, c.modeStr);
  strs(w, 16, c.required_paths);
}
function writeMkfile(w, m) {
  str(w, 1, m.path);
  int(w, 2, m.mode);
  bytes(w, 3, m.data);
  if (m.owner != null) sub(w, 4, ChownOpt, m.owner);
  int(w, 5, m.timestamp);
}
function writeMkdir(w, m) {
  str(w, 1, m.path);
  int(w, 2, m.mode);
  bool(w, 3, m.makeParents);
  if (m.owner != null) sub(w, 4, ChownOpt, m.owner);
  int(w, 5, m.timestamp);
}

// src/llb/ops/common.ts
function platformToPb(p) {
  const out = { Architecture: p.architecture, OS: p.os };
  if (p.variant) out.Variant = p.variant;
  if (p.osVersion) out.OSVersion = p.osVersion;
  if (p.osFeatures && p.osFeatures.length > 0) out.OSFeatures = [...p.osFeatures];
  return out;
}
var pbPlatforms = /* @__PURE__ */ new WeakMap();
function sharedPlatformPb(p) {
  let pb = pbPlatforms.get(p);
  if (pb === void 0) {
    pb = platformToPb(p);
    pbPlatforms.set(p, pb);
  }
  return pb;
}
var NO_WORKER_CONSTRAINTS = Object.freeze({ filter: [] });
function marshalConstraints(base, own) {
  const platform = own.platform ?? base.platform ?? defaultPlatform();
  return {
    op: {
      platform: sharedPlatformPb(platform),
      constraints: base.workerConstraints.length === 0 && own.workerConstraints.length === 0 ? NO_WORKER_CONSTRAINTS : { filter: [...base.workerConstraints, ...own.workerConstraints] }
    },
    // Usually the marshal-wide metadata is empty: then the op's own (a per-marshal copy) is the result.
    metadata: isEmptyMetadata(base.metadata) ? own.metadata : mergeMetadata(base.metadata, own.metadata)
  };
}
var NO_LOCATIONS = [];
function finishOp(op, metadata, own) {
  const bytes2 = encodeOp(op);
  const sourceLocations = own.sourceLocations.length === 0 ? NO_LOCATIONS : own.sourceLocations;
  return { digest: sha256Digest(bytes2), bytes: bytes2, metadata: shareMetadata(metadata), sourceLocations };
}

// src/llb/ops/passthrough.ts
var PassthroughOp2 = class {
  /** `inputs`: the outputs to depend on; those with `forward` become this op's outputs, in order. */
  constructor(id, inputs, constraints) {
    this.id = id;
    this.constraints = constraints;
    for (const inp of inputs) {
      if (!inp.output) continue;
      const inputIndex = this.sources.length;
      this.sources.push(inp.output);
      if (inp.forward) {
        const outputIndex = this.outputMap.length;
        this.outputMap.push(inputIndex);
        this.outputs.push(new Output(this, () => outputIndex));
      }
    }
  }
  id;
  constraints;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  sources = [];
  outputMap = [];
  outputs = [];
  /** The first forwarded output, or an output that fails to marshal if there is none. */
  output() {
    return this.outputs[0] ?? new Output(this, indexZero, void 0, new LLBError("invalid-state", "invalid passthrough output 0"));
  }
  inputs() {
    return this.sources;
  }
  marshalUncached(ctx) {
    if (this.sources.length === 0) throw new LLBError("invalid-state", "passthrough must have at least one input");
    if (this.id === "") throw new LLBError("invalid-state", "passthrough requires an id");
    if (this.outputMap.length === 0) throw new LLBError("invalid-state", "passthrough must have at least one output");
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    op.inputs = this.sources.map((s) => s.toInput(ctx));
    op.op = { case: "passthrough", value: { id: this.id, outputs: [...this.outputMap] } };
    return finishOp(op, metadata, own);
  }
};

// src/llb/definition.ts
import { randomBytes } from "node:crypto";

// src/llb/definition-encode.ts
function encodeDefinition(def) {
  const keys = sortStringKeys([...def.metadata.keys()]);
  let size = 64;
  for (const b of def.def) size += b.length + 4;
  for (const m of def.metadata.values()) size += 2 * (keyEntrySize + 8) + (sharedMetadataBytes(m)?.length ?? 300);
  const w = new Writer(size);
  for (const b of def.def) {
    w.tag(1, 2);
    w.bytes(b);
  }
  for (const k of keys) {
    w.tag(2, 2);
    const entry = w.fork();
    w.tag(1, 2);
    w.string(k);
    w.tag(2, 2);
    const value = w.fork();
    const m = def.metadata.get(k);
    const encoded = sharedMetadataBytes(m);
    if (encoded !== void 0) w.raw(encoded);
    else writeOpMetadata(w, m);
    w.join(value);
    w.join(entry);
  }
  const direct = def.directSource;
  if (direct !== void 0) {
    const { skip, locations, sourceIndex } = direct;
    w.tag(3, 2);
    const start = w.fork();
    for (const k of keys) {
      if (k === skip) continue;
      w.tag(1, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      const ls = locations?.(k);
      if (ls === void 0 || ls.length === 0 || sourceIndex === void 0) w.uvarint(0);
      else {
        const value = w.fork();
        writeSourceLocations(w, ls, sourceIndex);
        w.join(value);
      }
      w.join(entry);
    }
    for (const info of direct.infos ?? []) {
      w.tag(2, 2);
      const s = w.fork();
      writeMessage(w, SourceInfo, info);
      w.join(s);
    }
    w.join(start);
  } else if (def.source !== void 0) {
    w.tag(3, 2);
    const start = w.fork();
    writeSource2(w, def.source, keys);
    w.join(start);
  }
  return w.take();
}
var keyEntrySize = 2 + "sha256:".length + 64;
function sharedMetadataBytes(m) {
  const info = sharedMetadata.get(m);
  if (info === void 0) return void 0;
  if (info.encoded === void 0) {
    const w = new Writer(256);
    writeOpMetadata(w, m);
    info.encoded = w.finish();
  }
  return info.encoded;
}
function writeOpMetadata(w, m) {
  if (m.exportCache !== void 0 || m.progressGroup !== void 0 || m.linuxResources !== void 0) {
    writeMessage(w, OpMetadata, metadataToPb(m));
    return;
  }
  if (m.ignoreCache) {
    w.tag(1, 0);
    w.uvarint(1);
  }
  const description = m.description;
  if (description !== void 0) {
    const keys = Object.keys(description);
    if (keys.length > 1) sortStringKeys(keys);
    for (const k of keys) {
      w.tag(2, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      w.string(description[k]);
      w.join(entry);
    }
  }
  if (m.caps !== void 0 && m.caps.size > 0) {
    for (const cap of sortStringKeys([...m.caps])) {
      w.tag(5, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(cap);
      w.tag(2, 0);
      w.uvarint(1);
      w.join(entry);
    }
  }
}
function writeInt32(w, no, v) {
  if (v === void 0 || v === null || v === 0 && !Object.is(v, -0)) return;
  w.tag(no, 0);
  w.varint64(v);
}
function writePosition(w, no, p) {
  if (p === void 0 || p === null) return;
  w.tag(no, 2);
  const start = w.fork();
  writeInt32(w, 1, p.line);
  writeInt32(w, 2, p.character);
  w.join(start);
}
function writeLocations(w, v) {
  for (const l of v.locations ?? []) {
    w.tag(1, 2);
    const loc = w.fork();
    writeInt32(w, 1, l.sourceIndex);
    for (const r of l.ranges ?? []) {
      w.tag(2, 2);
      const range = w.fork();
      writePosition(w, 1, r.start);
      writePosition(w, 2, r.end);
      w.join(range);
    }
    w.join(loc);
  }
}
function writeSourceLocations(w, ls, sourceIndex) {
  for (const l of ls) {
    w.tag(1, 2);
    const loc = w.fork();
    writeInt32(w, 1, sourceIndex(l.sourceMap));
    for (const r of l.ranges) {
      w.tag(2, 2);
      const range = w.fork();
      writePosition(w, 1, r.start);
      writePosition(w, 2, r.end);
      w.join(range);
    }
    w.join(loc);
  }
}
function writeSource2(w, src, metadataKeys) {
  const locations = src.locations;
  if (locations !== void 0) {
    const keys = Object.keys(locations);
    let sorted = metadataKeys.filter((k) => Object.hasOwn(locations, k));
    if (sorted.length !== keys.length) sorted = sortStringKeys(keys);
    for (const k of sorted) {
      w.tag(1, 2);
      const entry = w.fork();
      w.tag(1, 2);
      w.string(k);
      w.tag(2, 2);
      const value = w.fork();
      const v = locations[k];
      if (v !== void 0 && v.locations !== void 0 && v.locations.length > 0) writeLocations(w, v);
      w.join(value);
      w.join(entry);
    }
  }
  for (const info of src.infos ?? []) {
    w.tag(2, 2);
    const start = w.fork();
    writeMessage(w, SourceInfo, info);
    w.join(start);
  }
}

// src/protobuf/decode.ts
var utf8 = new TextDecoder("utf-8");
var DecodeError = class extends Error {
};
function decodeMessage(desc, bytes2) {
  return readMessage(new Reader(bytes2), desc, bytes2.length);
}
var Reader = class {
  constructor(buf) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  buf;
  pos = 0;
  view;
  varint() {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new DecodeError("unexpected end of data in varint");
      const b = this.buf[this.pos++];
      result |= BigInt(b & 127) << shift;
      if (b < 128) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new DecodeError("varint too long");
  }
  /** A small non-negative varint (lengths, tags) as a number. */
  uvarint() {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new DecodeError("unexpected end of data in varint");
      const b = this.buf[this.pos++];
      result += (b & 127) * mul;
      if (b < 128) return result;
      mul *= 128;
    }
    throw new DecodeError("varint too long");
  }
  take(n) {
    if (n < 0 || this.pos + n > this.buf.length) throw new DecodeError("unexpected end of data");
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wireType2) {
    switch (wireType2) {
      case 0:
        this.varint();
        return;
      case 1:
        this.take(8);
        return;
      case 2:
        this.take(this.uvarint());
        return;
      case 5:
        this.take(4);
        return;
      default:
        throw new DecodeError(`unsupported wire type ${wireType2}`);
    }
  }
};
function int64Value(v) {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
function readScalar(r, kind) {
  switch (kind) {
    case "string":
      return utf8.decode(r.take(r.uvarint()));
    case "bytes":
      return r.take(r.uvarint()).slice();
    case "bool":
      return r.varint() !== 0n;
    case "int32":
      return Number(BigInt.asIntN(32, r.varint()));
    case "uint32":
      return Number(BigInt.asUintN(32, r.varint()));
    case "int64":
      return int64Value(BigInt.asIntN(64, r.varint()));
    case "uint64":
      return int64Value(r.varint());
    case "sint32":
    case "sint64": {
      const u = r.varint();
      const v = u & 1n ? -(u >> 1n) - 1n : u >> 1n;
      return kind === "sint32" ? Number(v) : int64Value(v);
    }
    case "fixed32": {
      const v = r.view.getUint32(r.pos, true);
      r.take(4);
      return v;
    }
    case "sfixed32": {
      const v = r.view.getInt32(r.pos, true);
      r.take(4);
      return v;
    }
    case "float": {
      const v = r.view.getFloat32(r.pos, true);
      r.take(4);
      return v;
    }
    case "fixed64": {
      const v = r.view.getBigUint64(r.pos, true);
      r.take(8);
      return int64Value(v);
    }
    case "sfixed64": {
      const v = r.view.getBigInt64(r.pos, true);
      r.take(8);
      return int64Value(v);
    }
    case "double": {
      const v = r.view.getFloat64(r.pos, true);
      r.take(8);
      return v;
    }
  }
}
function isPackable(kind) {
  return kind !== "string" && kind !== "bytes";
}
function readMessage(r, desc, end) {
  const out = {};
  while (r.pos < end) {
    const tag = r.uvarint();
    const no = Math.floor(tag / 8);
    const wt = tag % 8;
    const f = desc.fieldByNumber.get(no);
    if (f === void 0) {
      r.skip(wt);
      continue;
    }
    readField(r, f, wt, out);
  }
  if (r.pos !== end) throw new DecodeError("message overran its length");
  return out;
}
function readField(r, f, wt, out) {
  if (f.kind === "map") {
    const len = r.uvarint();
    const end = r.pos + len;
    const keyKind = f.mapKey;
    let key = keyKind === "string" ? "" : keyKind === "bool" ? false : 0;
    let value;
    while (r.pos < end) {
      const tag = r.uvarint();
      const no = Math.floor(tag / 8);
      if (no === 1) key = readScalar(r, keyKind);
      else if (no === 2) {
        if (f.mapValue.kind === "message") {
          const n = r.uvarint();
          value = readMessage(r, messageDesc(f.mapValue.typeName), r.pos + n);
        } else value = readScalar(r, f.mapValue.kind === "enum" ? "int32" : f.mapValue.scalar);
      } else r.skip(tag % 8);
    }
    if (value === void 0) {
      value = f.mapValue.kind === "message" ? {} : zeroOf(f.mapValue.kind === "enum" ? "int32" : f.mapValue.scalar);
    }
    const m = out[f.name] ??= {};
    m[String(key)] = value;
    return;
  }
  if (f.kind === "message") {
    const n = r.uvarint();
    const v2 = readMessage(r, messageDesc(f.typeName), r.pos + n);
    if (f.repeated) (out[f.name] ??= []).push(v2);
    else if (f.oneof !== void 0) out[f.oneof] = { case: f.name, value: v2 };
    else out[f.name] = v2;
    return;
  }
  const kind = f.kind === "enum" ? "int32" : f.scalar;
  if (f.repeated) {
    const arr = out[f.name] ??= [];
    if (wt === 2 && isPackable(kind)) {
      const n = r.uvarint();
      const end = r.pos + n;
      while (r.pos < end) arr.push(readScalar(r, kind));
    } else arr.push(readScalar(r, kind));
    return;
  }
  const v = readScalar(r, kind);
  if (f.oneof !== void 0) out[f.oneof] = { case: f.name, value: v };
  else out[f.name] = v;
}
function zeroOf(kind) {
  if (kind === "string") return "";
  if (kind === "bytes") return new Uint8Array(0);
  if (kind === "bool") return false;
  return 0;
}

// src/llb/definition.ts
var Definition2 = class _Definition {
  constructor(def, metadata, source, directSource) {
    this.def = def;
    this.metadata = metadata;
    this.directSource = directSource;
    if (typeof source === "function") this.sourceLazy = source;
    else this.sourceValue = source;
  }
  def;
  metadata;
  directSource;
  sourceValue;
  sourceLazy;
  /** Definition.source; undefined only for an empty definition. */
  get source() {
    if (this.sourceLazy !== void 0) {
      this.sourceValue = this.sourceLazy();
      this.sourceLazy = void 0;
    }
    return this.sourceValue;
  }
  /** The pb.Definition message (Go's Definition.ToPB). */
  toPb() {
    const out = {};
    if (this.def.length > 0) out.def = [...this.def];
    const md = {};
    for (const [k, v] of this.metadata) md[k] = metadataToPb(v);
    out.metadata = md;
    if (this.source) out.Source = this.source;
    return out;
  }
  /** The deterministic wire bytes (what `buildctl build` reads). */
  encode() {
    return encodeDefinition(this);
  }
  /** The digest of the output the definition builds, or undefined when empty. */
  head() {
    const last = this.def[this.def.length - 1];
    if (last === void 0) return void 0;
    return decodeMessage(Op, last).inputs?.[0]?.digest;
  }
  /** Reads marshaled pb.Definition bytes. */
  static decode(bytes2) {
    let pb;
    try {
      pb = decodeMessage(Definition, bytes2);
    } catch (err) {
      if (err instanceof DecodeError) throw new LLBError("invalid-definition", `invalid definition: ${err.message}`);
      throw err;
    }
    return _Definition.fromPb(pb);
  }
  static fromPb(pb) {
    const md = /* @__PURE__ */ new Map();
    for (const [k, v] of Object.entries(pb.metadata ?? {})) md.set(k, metadataFromPb(v));
    return new _Definition(pb.def ?? [], md, pb.Source);
  }
};
function definitionOps(def) {
  return def.def.map((bytes2) => {
    const digest = sha256Digest(bytes2);
    return { digest, op: decodeMessage(Op, bytes2), metadata: def.metadata.get(digest) ?? emptyMetadata() };
  });
}
function newLocalUniqueId() {
  let n = BigInt(`0x${randomBytes(16).toString("hex")}`);
  let s = "";
  for (let i = 0; i < 25; i++) {
    s = (n % 36n).toString(36) + s;
    n /= 36n;
  }
  return s;
}
function marshalState(out, defaults, opts) {
  const c = resolveConstraints({ platform: defaultPlatform(), localUniqueId: newLocalUniqueId() }, defaults, opts);
  if (!out) return new Definition2([], /* @__PURE__ */ new Map(), void 0);
  const ctx = { constraints: c, touched: [] };
  try {
    return walkAndFinish(out, ctx, opts);
  } finally {
    clearMarshalled(ctx);
  }
}
function walkAndFinish(out, ctx, opts) {
  const def = [];
  const metadata = /* @__PURE__ */ new Map();
  const smc = new SourceMapCollector();
  const stack = [];
  let depth = 0;
  const push = (v) => {
    if (v.walkCtx === ctx) return;
    const inputs = v.inputs();
    const f = stack[depth];
    if (f === void 0) stack.push({ v, inputs, i: 0 });
    else {
      f.v = v;
      f.inputs = inputs;
      f.i = 0;
    }
    depth++;
  };
  push(out.vertex);
  while (depth > 0) {
    const top = stack[depth - 1];
    if (top.i < top.inputs.length) {
      push(top.inputs[top.i++].vertex);
      continue;
    }
    depth--;
    const v = top.v;
    if (v.walkCtx === ctx) continue;
    const m = marshalVertex(v, ctx);
    v.walkCtx = ctx;
    const prev = metadata.get(m.digest);
    if (prev === void 0) {
      metadata.set(m.digest, m.metadata);
      def.push(m.bytes);
      smc.addFirst(m.digest, m.sourceLocations);
    } else {
      metadata.set(m.digest, mergeMetadata(prev, m.metadata));
      smc.addMore(m.digest, m.sourceLocations);
    }
  }
  const terminal = encodeMessage(Op, { inputs: [out.toInput(ctx)] });
  def.push(terminal);
  const tdigest = sha256Digest(terminal);
  const walkedTerminal = metadata.get(tdigest);
  const tmeta = cloneMetadata(walkedTerminal ?? emptyMetadata());
  const caps = /* @__PURE__ */ new Set([Caps.constraints, Caps.platform]);
  for (const md of metadata.values()) {
    if (md.ignoreCache) caps.add(Caps.metaIgnoreCache);
    if (md.description !== void 0) caps.add(Caps.metaDescription);
    if (md.exportCache !== void 0) caps.add(Caps.metaExportCache);
  }
  tmeta.caps = caps;
  metadata.set(tdigest, tmeta);
  const skip = walkedTerminal === void 0 ? tdigest : void 0;
  if (smc.isPlain()) {
    return new Definition2(def, metadata, () => smc.source([]), { skip });
  }
  const infos = smc.infos(opts);
  return new Definition2(def, metadata, () => smc.source(infos), {
    skip,
    locations: (digest) => smc.locationsOf(digest),
    sourceIndex: (m) => smc.indexOf(m),
    infos
  });
}
function equalSourceMap(a, b) {
  if (a.filename !== b.filename || a.language !== b.language) return false;
  if (Buffer.compare(Buffer.from(a.data), Buffer.from(b.data)) !== 0) return false;
  if (a.definition && b.definition) {
    const x = a.definition.def[a.definition.def.length - 1];
    const y = b.definition.def[b.definition.def.length - 1];
    if (!x || !y || Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) return false;
  }
  return true;
}
var NO_LOCATIONS2 = [];
var EMPTY_LOCATIONS = Object.freeze({});
var SourceMapCollector = class {
  maps = [];
  index = /* @__PURE__ */ new Map();
  /** Every marshaled op's digest, in the order first seen: each gets an entry, even without locations, as in Go. */
  digests = [];
  /** The locations of the digests that have any. */
  locations = /* @__PURE__ */ new Map();
  /** Whether no op has source locations (then there are no source maps either). */
  isPlain() {
    return this.maps.length === 0 && this.locations.size === 0;
  }
  /** The locations of an op whose digest is new to this marshal. */
  addFirst(digest, ls) {
    this.digests.push(digest);
    if (ls.length === 0) return;
    this.addMaps(ls);
    this.locations.set(digest, [...ls]);
  }
  /** The locations of an op with the digest of one added before. */
  addMore(digest, ls) {
    if (ls.length === 0) return;
    this.addMaps(ls);
    const list = this.locations.get(digest);
    this.locations.set(digest, list === void 0 ? [...ls] : [...list, ...ls]);
  }
  addMaps(ls) {
    for (const l of ls) {
      let idx = this.index.get(l.sourceMap);
      if (idx === void 0) {
        idx = this.maps.findIndex((m) => equalSourceMap(m, l.sourceMap));
        if (idx < 0) {
          idx = this.maps.length;
          this.maps.push(l.sourceMap);
        }
        this.index.set(l.sourceMap, idx);
      }
    }
  }
  /** The locations of an op, by digest; undefined when it has none. */
  locationsOf(digest) {
    return this.locations.get(digest);
  }
  /** The index of a source map in Source.infos. */
  indexOf(m) {
    return this.index.get(m) ?? 0;
  }
  /** Source.infos: the source maps, each with the definition of the state that loads it. */
  infos(opts) {
    return this.maps.map((m) => {
      const info = { filename: m.filename, data: m.data, language: m.language };
      const d = m.definition ?? m.state?.marshal(opts);
      if (d) info.definition = d.toPb();
      return info;
    });
  }
  /** The Source message, given its infos. */
  source(infos) {
    const locations = {};
    for (const digest of this.digests) {
      const ls = this.locations.size === 0 ? NO_LOCATIONS2 : this.locations.get(digest) ?? NO_LOCATIONS2;
      if (ls.length === 0) {
        locations[digest] = EMPTY_LOCATIONS;
        continue;
      }
      locations[digest] = {
        locations: ls.map((l) => ({
          sourceIndex: this.index.get(l.sourceMap) ?? 0,
          ranges: l.ranges.map((r) => ({
            start: { line: r.start.line, character: r.start.character },
            end: { line: r.end.line, character: r.end.character }
          }))
        }))
      };
    }
    const out = { locations };
    if (infos.length > 0) out.infos = infos;
    return out;
  }
};

// src/llb/env.ts
var EnvList = class _EnvList {
  constructor(entries) {
    this.entries = entries;
  }
  entries;
  static empty = new _EnvList([]);
  /** Sets key=value, moving the key to the end as Go's AddOrReplace does. */
  set(key, value) {
    const old = this.entries;
    let n = 1;
    for (const e of old) if (e[0] !== key) n++;
    const next = new Array(n);
    let i = 0;
    for (const e of old) if (e[0] !== key) next[i++] = e;
    next[i] = [key, value];
    return new _EnvList(next);
  }
  /** Sets key=value only when the key is absent. */
  setDefault(key, value) {
    return this.get(key) === void 0 ? this.set(key, value) : this;
  }
  delete(key) {
    return new _EnvList(this.entries.filter(([k]) => k !== key));
  }
  get(key) {
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e[0] === key) return e[1];
    }
    return void 0;
  }
  keys() {
    return this.entries.map(([k]) => k);
  }
  /** "KEY=value" strings in order. */
  toArray() {
    return this.entries.map(([k, v]) => `${k}=${v}`);
  }
};

// src/llb/ip.ts
import { isIPv4, isIPv6 } from "node:net";
function canonicalIP(ip) {
  if (isIPv4(ip)) return ip.split(".").map((x) => String(Number(x))).join(".");
  if (!isIPv6(ip)) throw new LLBError("invalid-state", `invalid IP address: ${ip}`);
  const groups = expandIPv6(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 65535) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join(".");
  }
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex2 = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex2.join(":");
  return `${hex2.slice(0, bestStart).join(":")}::${hex2.slice(bestStart + bestLen).join(":")}`;
}
function expandIPv6(ip) {
  let s = ip;
  const lastColon = s.lastIndexOf(":");
  const last = s.slice(lastColon + 1);
  if (last.includes(".")) {
    const b = last.split(".").map(Number);
    s = `${s.slice(0, lastColon + 1)}${(b[0] << 8 | b[1]).toString(16)}:${(b[2] << 8 | b[3]).toString(16)}`;
  }
  const parse2 = (part) => part === "" ? [] : part.split(":").map((h2) => parseInt(h2, 16));
  const dbl = s.indexOf("::");
  if (dbl < 0) return parse2(s);
  const h = parse2(s.slice(0, dbl));
  const r = parse2(s.slice(dbl + 2));
  return [...h, ...new Array(8 - h.length - r.length).fill(0), ...r];
}

// src/llb/ops/exec.ts
var DEFAULT_PATH_UNIX = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
var SHARING = { shared: 0, private: 1, locked: 2 };
var CONTENT_CACHE = { default: 0, on: 1, off: 2 };
var NETWORK = { sandbox: 0, host: 1, none: 2 };
var SECURITY = { sandbox: 0, insecure: 1 };
var ExecOp2 = class {
  constructor(spec) {
    this.spec = spec;
    const rootMount = {
      target: "/",
      source: spec.base.root,
      readonly: spec.readonlyRoot,
      selector: "",
      cacheId: "",
      cacheSharing: "shared",
      tmpfs: false,
      tmpfsSize: 0,
      noOutput: false,
      contentCache: "default"
    };
    const all = new Array(spec.mounts.length + 1);
    all[0] = rootMount;
    for (let i = 0; i < spec.mounts.length; i++) all[i + 1] = spec.mounts[i];
    this.outputs = all.map((m, i) => this.makeOutput(m, i === 0));
    if (!isSortedByTarget(all)) all.sort(compareTargets);
    this.mounts = all;
    this.root = this.outputs[0];
  }
  spec;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  /** Mounts sorted by target, the root mount included (as Go sorts them). */
  mounts;
  /** The outputs of the root mount then of spec.mounts, in the order given. */
  outputs;
  /** The root filesystem after the run; undefined for a read-only scratch root. */
  root;
  makeOutput(m, isRoot) {
    const platform = this.spec.constraints.platform;
    if (m.readonly) return m.source;
    if (!isRoot && m.tmpfs) {
      return new Output(this, indexZero, void 0, new LLBError("invalid-mount", `tmpfs mount for ${m.target} can't be used as a parent`));
    }
    if (!isRoot && m.noOutput) {
      return new Output(this, indexZero, void 0, new LLBError("invalid-mount", `mount marked no-output and ${m.target} can't be used as a parent`));
    }
    return new MountOutput(this, m, platform);
  }
  /** @internal The index of a mount's output: its place among the sorted mounts that have outputs. */
  mountOutputIndex(m) {
    let i = 0;
    for (const m2 of this.mounts) {
      if (m2.noOutput || m2.readonly || m2.tmpfs || m2.cacheId !== "") continue;
      if (m2 === m) return i;
      i++;
    }
    throw new LLBError("invalid-mount", `invalid mount: ${m.target}`);
  }
  /** The output of the first mount at `target`. */
  mountOutput(target) {
    if (target === "/") return this.outputs[0];
    const given = this.spec.mounts;
    for (let i = 0; i < given.length; i++) if (given[i].target === target) return this.outputs[i + 1];
    return void 0;
  }
  inputs() {
    const out = [];
    for (const m of this.mounts) if (m.source && !out.includes(m.source)) out.push(m.source);
    return out;
  }
  marshalUncached(ctx) {
    const { base } = this.spec;
    if (!base.args || base.args.length === 0) throw new LLBError("invalid-state", "arguments are required");
    if (base.cwd === "") throw new LLBError("invalid-state", "working directory is required");
    if (!base.cwd.startsWith("/")) throw new LLBError("invalid-state", `working directory must be absolute: ${base.cwd}`);
    const own = cloneConstraints(this.spec.constraints);
    const c = ctx.constraints;
    let env = base.env;
    const ssh = this.spec.ssh.map((s, i) => s.target === "" ? { ...s, target: `/run/buildkit/ssh_agent.${i}` } : s);
    if (ssh.length > 0 && env.get("SSH_AUTH_SOCK") === void 0) env = env.set("SSH_AUTH_SOCK", ssh[0].target);
    if (c.caps) {
      if (!c.caps.supports(Caps.execMetaSetsDefaultPath)) {
        const os = c.platform?.os ?? own.platform?.os ?? "linux";
        if (os !== "windows") env = env.setDefault("PATH", DEFAULT_PATH_UNIX);
      } else addCap(own, Caps.execMetaSetsDefaultPath);
    }
    const meta = {
      args: [...base.args],
      env: env.toArray(),
      cwd: base.cwd,
      user: base.user,
      hostname: base.hostname,
      cgroupParent: base.cgroupParent,
      removeMountStubsRecursive: true
    };
    if (base.validExitCodes !== void 0) {
      meta.validExitCodes = [...base.validExitCodes];
      addCap(own, Caps.execValidExitCode);
    }
    if (base.extraHosts.length > 0) meta.extraHosts = base.extraHosts.map((h) => ({ Host: h.host, IP: h.ip }));
    if (base.ulimits.length > 0) {
      addCap(own, Caps.execMetaUlimit);
      meta.ulimit = base.ulimits.map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard }));
    }
    if (own.metadata.linuxResources) addCap(own, Caps.execMetaLinuxResources);
    const exec = { meta, network: NETWORK[base.network], security: SECURITY[base.security] };
    if (base.network !== "sandbox") addCap(own, Caps.execMetaNetwork);
    if (base.security === "insecure") addCap(own, Caps.execMetaSecurity);
    const p = this.spec.proxyEnv;
    if (p) {
      meta.proxy_env = {
        http_proxy: p.httpProxy ?? "",
        https_proxy: p.httpsProxy ?? "",
        ftp_proxy: p.ftpProxy ?? "",
        no_proxy: p.noProxy ?? "",
        all_proxy: p.allProxy ?? ""
      };
      addCap(own, Caps.execMetaProxy);
    }
    addCap(own, Caps.execMetaBase);
    for (const m of this.mounts) {
      if (m.selector !== "") addCap(own, Caps.execMountSelector);
      if (m.cacheId !== "") {
        addCap(own, Caps.execMountCache);
        addCap(own, Caps.execMountCacheSharing);
      } else if (m.tmpfs) {
        addCap(own, Caps.execMountTmpfs);
        if (m.tmpfsSize > 0) addCap(own, Caps.execMountTmpfsSize);
      } else if (m.source) addCap(own, Caps.execMountBind);
      if (m.contentCache !== "default") addCap(own, Caps.execMountContentCache);
    }
    const secrets = this.spec.secrets;
    if (secrets.length > 0) {
      addCap(own, Caps.execMountSecret);
      if (secrets.some((s) => s.env !== void 0)) addCap(own, Caps.execSecretEnv);
    }
    if (ssh.length > 0) addCap(own, Caps.execMountSSH);
    if (this.spec.cdiDevices.length > 0) {
      addCap(own, Caps.execMetaCDI);
      exec.cdiDevices = this.spec.cdiDevices.map((d) => ({ name: d.name, optional: d.optional ?? false }));
    }
    own.platform ??= base.platform;
    const { op, metadata } = marshalConstraints(c, own);
    const inputs = [];
    const mounts = [];
    let outIndex = 0;
    for (const m of this.mounts) {
      let inputIndex = inputs.length;
      if (m.source) {
        if (m.tmpfs) throw new LLBError("invalid-mount", "tmpfs mounts must use scratch");
        const inp = m.source.toInput(ctx);
        const existing = inputs.findIndex((x) => x.digest === inp.digest && (x.index ?? 0) === (inp.index ?? 0));
        if (existing >= 0) inputIndex = existing;
        else inputs.push(inp);
      } else inputIndex = -1;
      let outputIndex = -1;
      if (!m.noOutput && !m.readonly && m.cacheId === "" && !m.tmpfs) outputIndex = outIndex++;
      const pm = {
        input: inputIndex,
        dest: m.target,
        readonly: m.readonly,
        output: outputIndex,
        selector: m.selector,
        contentCache: CONTENT_CACHE[m.contentCache]
      };
      if (m.cacheId !== "") {
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
      if (s.env !== void 0) (exec.secretenv ??= []).push({ ID: s.id, name: s.env, optional: s.optional });
      if (s.target !== void 0) {
        mounts.push({
          input: -1,
          dest: s.target,
          mountType: 1,
          secretOpt: { ID: s.id, uid: s.uid, gid: s.gid, mode: s.mode, optional: s.optional }
        });
      }
    }
    for (const s of ssh) {
      mounts.push({
        input: -1,
        dest: s.target,
        mountType: 2,
        SSHOpt: { ID: s.id, uid: s.uid, gid: s.gid, mode: s.mode, optional: s.optional }
      });
    }
    exec.mounts = mounts;
    if (inputs.length > 0) op.inputs = inputs;
    op.op = { case: "exec", value: exec };
    return finishOp(op, metadata, own);
  }
};
function compareTargets(a, b) {
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}
function isSortedByTarget(ms) {
  for (let i = 1; i < ms.length; i++) if (compareTargets(ms[i - 1], ms[i]) > 0) return false;
  return true;
}
var MountOutput = class extends Output {
  constructor(exec, mount, platform) {
    super(exec, indexZero, platform);
    this.mount = mount;
  }
  mount;
  /** The index once computed (the mounts are sorted when the exec is made, so it does not change). */
  cachedIndex = -1;
  outputIndex() {
    if (this.cachedIndex < 0) this.cachedIndex = this.vertex.mountOutputIndex(this.mount);
    return this.cachedIndex;
  }
};

// src/llb/ops/file.ts
var FileAction2 = class _FileAction {
  /** @internal */
  constructor(action, prev, base) {
    this.action = action;
    this.prev = prev;
    this.base = base;
  }
  action;
  prev;
  base;
  mkdir(path, mode, opts = {}) {
    return new _FileAction({ kind: "mkdir", path, mode, opts }, this, void 0);
  }
  mkfile(path, mode, data, opts = {}) {
    return new _FileAction({ kind: "mkfile", path, mode, data: toBytes(data), opts }, this, void 0);
  }
  rm(path, opts = {}) {
    return new _FileAction({ kind: "rm", path, opts }, this, void 0);
  }
  symlink(oldpath, newpath, opts = {}) {
    return new _FileAction({ kind: "symlink", oldpath, newpath, opts }, this, void 0);
  }
  copy(from, src, dest, opts = {}) {
    return new _FileAction(copyAction(from, src, dest, opts), this, void 0);
  }
  /** This chain bound to `state`, usable as the source of a copy. */
  withState(state) {
    return new BoundFileAction(this.bind(state));
  }
  /** A copy of the chain with every action bound to `state` (Go's FileAction.bind). */
  bind(state) {
    return new _FileAction(this.action, this.prev?.bind(state), state);
  }
};
var BoundFileAction = class {
  constructor(action) {
    this.action = action;
  }
  action;
};
function copyAction(from, src, dest, opts) {
  const source = from instanceof BoundFileAction ? { kind: "actions", action: from.action } : { kind: "state", base: from };
  return { kind: "copy", source, src, dest, opts };
}
function toBytes(d) {
  return typeof d === "string" ? new TextEncoder().encode(d) : d;
}
function mkdir(path, mode, opts = {}) {
  return new FileAction2({ kind: "mkdir", path, mode, opts }, void 0, void 0);
}
function mkfile(path, mode, data, opts = {}) {
  return new FileAction2({ kind: "mkfile", path, mode, data: toBytes(data), opts }, void 0, void 0);
}
function rm(path, opts = {}) {
  return new FileAction2({ kind: "rm", path, opts }, void 0, void 0);
}
function symlink(oldpath, newpath, opts = {}) {
  return new FileAction2({ kind: "symlink", oldpath, newpath, opts }, void 0, void 0);
}
function copy(from, src, dest, opts = {}) {
  return new FileAction2(copyAction(from, src, dest, opts), void 0, void 0);
}
function chownFromString(spec) {
  const idx = spec.indexOf(":");
  const parts = idx < 0 ? [spec] : [spec.slice(0, idx), spec.slice(idx + 1)];
  const ref = (v) => {
    if (v === "root") return { uid: 0 };
    if (/^[+-]?[0-9]+$/.test(v)) {
      const n = Number(v);
      if (n >= -2147483648 && n <= 2147483647) return { uid: n };
    }
    return { name: v };
  };
  return parts.length === 1 ? { user: ref(parts[0]) } : { user: ref(parts[0]), group: ref(parts[1]) };
}
function timeToPb(t) {
  if (t === void 0) return -1;
  return typeof t === "bigint" ? t : BigInt(t.getTime()) * 1000000n;
}
function userToPb(u, base) {
  if (!u) return void 0;
  if ("name" in u && u.name !== "") return { user: { case: "byName", value: { name: u.name, input: base } } };
  return { user: { case: "byID", value: "uid" in u ? u.uid >>> 0 : 0 } };
}
function chownToPb(c, base) {
  if (!c) return void 0;
  const out = {};
  const user = userToPb(c.user, base);
  const group = userToPb(c.group, base);
  if (user) out.user = user;
  if (group) out.group = group;
  return out;
}
function normalizePath(parent, p, keepSlash) {
  const orig = p;
  p = cleanPath(p);
  if (!isAbsPath(p)) p = joinPath("/", parent, p);
  if (keepSlash) {
    if (orig.endsWith("/") && !p.endsWith("/")) p += "/";
    else if (orig.endsWith("/.")) {
      if (p !== "/") p += "/";
      p += ".";
    }
  }
  return p;
}
function copySourcePath(a) {
  const p = cleanPath(a.src);
  let dir = "/";
  if (!isAbsPath(p)) {
    const base = a.source.kind === "state" ? a.source.base : a.source.action.base;
    if (base) dir = base.getDir();
  }
  return joinPath(dir, p);
}
function toPbAction(a, parent, base) {
  switch (a.kind) {
    case "mkdir":
      return {
        case: "mkdir",
        value: {
          path: normalizePath(parent, a.path, false),
          mode: a.mode & 511,
          makeParents: a.opts.makeParents ?? false,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime)
        }
      };
    case "mkfile":
      return {
        case: "mkfile",
        value: {
          path: normalizePath(parent, a.path, false),
          mode: a.mode & 511,
          data: a.data,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime)
        }
      };
    case "rm":
      return {
        case: "rm",
        value: {
          path: normalizePath(parent, a.path, false),
          allowNotFound: a.opts.allowNotFound ?? false,
          allowWildcard: a.opts.allowWildcard ?? false
        }
      };
    case "symlink":
      return {
        case: "symlink",
        value: {
          oldpath: a.oldpath,
          newpath: a.newpath,
          owner: chownToPb(a.opts.chown, base),
          timestamp: timeToPb(a.opts.createdTime)
        }
      };
    case "copy": {
      const o = a.opts;
      return {
        case: "copy",
        value: {
          src: copySourcePath(a),
          dest: normalizePath(parent, a.dest, true),
          owner: chownToPb(o.chown, base),
          mode: o.mode === void 0 ? -1 : typeof o.mode === "number" ? o.mode | 0 : 0,
          modeStr: typeof o.mode === "string" ? o.mode : "",
          followSymlink: o.followSymlinks ?? false,
          dirCopyContents: o.copyDirContentsOnly ?? false,
          attemptUnpackDockerCompatibility: o.attemptUnpack ?? false,
          createDestPath: o.createDestPath ?? false,
          allowWildcard: o.allowWildcard ?? false,
          allowEmptyWildcard: o.allowEmptyWildcard ?? false,
          timestamp: timeToPb(o.createdTime),
          include_patterns: o.includePatterns ? [...o.includePatterns] : [],
          exclude_patterns: o.excludePatterns ? [...o.excludePatterns] : [],
          alwaysReplaceExistingDestPaths: o.alwaysReplaceExistingDestPaths ?? false,
          required_paths: o.requiredPaths ? [...o.requiredPaths] : []
        }
      };
    }
  }
}
var FileOp2 = class {
  constructor(action, constraints) {
    this.action = action;
    this.constraints = constraints;
  }
  action;
  constraints;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  output = new Output(this, indexZero);
  /** Go's allOutputs: the chain walked from its last action back to its first. */
  inputs() {
    const out = [];
    collectOutputs(this.action, out);
    return out;
  }
  marshalUncached(ctx) {
    const own = cloneConstraints(this.constraints);
    addCap(own, Caps.fileBase);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    const inputs = [];
    const actions = [];
    const visited = /* @__PURE__ */ new Map();
    const addInput = (o) => {
      const inp = o.toInput(ctx);
      const i = inputs.findIndex((x) => x.digest === inp.digest && (x.index ?? 0) === (inp.index ?? 0));
      if (i >= 0) return i;
      inputs.push(inp);
      return inputs.length - 1;
    };
    const add = (fa) => {
      const known = visited.get(fa);
      if (known) return known;
      const prev = fa.prev ? add(fa.prev) : void 0;
      const st = { base: -1, input: -1, inputRelative: void 0, input2: -1, input2Relative: void 0, target: 0, fa };
      const src = fa.base?.output();
      if (src) st.base = addInput(src);
      if (!prev) st.input = st.base;
      else st.inputRelative = prev;
      if (fa.action.kind === "copy") {
        const s = fa.action.source;
        if (s.kind === "state") {
          const o = s.base.output();
          if (o) st.input2 = addInput(o);
        } else st.input2Relative = add(s.action);
      }
      st.target = actions.length;
      visited.set(fa, st);
      actions.push(st);
      return st;
    };
    add(this.action);
    const pbActions = actions.map((st, i) => {
      const parent = st.fa.base ? st.fa.base.getDir() : "";
      return {
        input: st.inputRelative ? inputs.length + st.inputRelative.target : st.input,
        secondaryInput: st.input2Relative ? inputs.length + st.input2Relative.target : st.input2,
        output: i + 1 === actions.length ? 0 : -1,
        action: toPbAction(st.fa.action, parent, st.base)
      };
    });
    if (inputs.length > 0) op.inputs = inputs;
    op.op = { case: "file", value: { actions: pbActions } };
    return finishOp(op, metadata, own);
  }
};
function collectOutputs(fa, out) {
  for (let a = fa; a; a = a.prev) {
    const o = a.base?.output();
    if (o && !out.includes(o)) out.push(o);
    if (a.action.kind === "copy") {
      const s = a.action.source;
      if (s.kind === "state") {
        const so = s.base.output();
        if (so && !out.includes(so)) out.push(so);
      } else collectOutputs(s.action, out);
    }
  }
}
function noActionError() {
  return new LLBError("invalid-state", "action is required");
}

// src/go/shlex.ts
function shlexSplit(s) {
  const words = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (ch === "#" && !inWord) {
      while (i < s.length && s[i] !== "\n") i++;
    } else if (ch === "\\") {
      inWord = true;
      if (i + 1 < s.length) word += s[i + 1];
      i += 2;
    } else if (ch === "'") {
      inWord = true;
      const end = s.indexOf("'", i + 1);
      if (end < 0) {
        word += s.slice(i + 1);
        i = s.length;
      } else {
        word += s.slice(i + 1, end);
        i = end + 1;
      }
    } else if (ch === '"') {
      inWord = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length) {
          word += s[i + 1];
          i += 2;
        } else word += s[i++];
      }
      i++;
    } else {
      inWord = true;
      word += ch;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

// src/llb/state.ts
var EMPTY_VALUES = {
  env: EnvList.empty,
  dir: "",
  user: "",
  hostname: "",
  platform: void 0,
  network: "sandbox",
  security: "sandbox",
  args: void 0,
  extraHosts: [],
  ulimits: [],
  cgroupParent: "",
  validExitCodes: void 0,
  custom: /* @__PURE__ */ new Map()
};
var NO_SOURCES = [];
var NO_CDI = [];
var NO_MOUNT_MODELS = [];
var NO_SECRET_MODELS = [];
var NO_SSH_MODELS = [];
var FRESH_VALUES = { ...EMPTY_VALUES, dir: "/" };
var State = class _State {
  /** @internal Use the source functions (image, local, scratch, ...) to make states. */
  constructor(out, values, marshalDefaults = void 0) {
    this.out = out;
    this.values = values;
    this.marshalDefaults = marshalDefaults;
  }
  out;
  values;
  marshalDefaults;
  /** A fresh state on an output: working directory "/", the output's platform (Go's NewState). */
  static fromOutput(out) {
    return new _State(out, FRESH_VALUES).ensurePlatform();
  }
  with(values) {
    return new _State(this.out, { ...this.values, ...values }, this.marshalDefaults);
  }
  ensurePlatform() {
    const p = this.out?.platform;
    return p ? this.with({ platform: normalizePlatform(p) }) : this;
  }
  /** The graph output this state points at; undefined for scratch. */
  output() {
    return this.out;
  }
  /** This state's values on another output (Go's WithOutput). */
  withOutput(out) {
    return new _State(out, this.values, this.marshalDefaults).ensurePlatform();
  }
  /** Another state's values with this state's output, working directory reset to "/" (Go's Reset). */
  reset(other) {
    return new _State(this.out, { ...other.values, dir: "/" }, this.marshalDefaults).ensurePlatform();
  }
  addEnv(key, value) {
    return this.with({ env: this.values.env.set(key, value) });
  }
  /** Removes a variable from the environment. */
  delEnv(key) {
    return this.with({ env: this.values.env.delete(key) });
  }
  getEnv(key) {
    return this.values.env.get(key);
  }
  env() {
    return this.values.env;
  }
  /** Sets the working directory; a relative path is joined to the current one. */
  dir(path) {
    return this.with({ dir: resolveDir(this.values.dir, path) });
  }
  getDir() {
    return this.values.dir;
  }
  user(user) {
    return this.with({ user });
  }
  getUser() {
    return this.values.user;
  }
  hostname(hostname) {
    return this.with({ hostname });
  }
  getHostname() {
    return this.values.hostname;
  }
  /** Sets the platform (normalised, as Go's State.Platform does). */
  platform(p) {
    return this.with({ platform: normalizePlatform(p) });
  }
  getPlatform() {
    return this.values.platform;
  }
  network(mode) {
    return this.with({ network: mode });
  }
  getNetwork() {
    return this.values.network;
  }
  security(mode) {
    return this.with({ security: mode });
  }
  getSecurity() {
    return this.values.security;
  }
  /** Default args for a later run. */
  args(args) {
    return this.with({ args: [...args] });
  }
  getArgs() {
    return this.values.args;
  }
  addExtraHost(host, ip) {
    return this.with({ extraHosts: [...this.values.extraHosts, { host, ip: canonicalIP(ip) }] });
  }
  addUlimit(name, soft, hard) {
    return this.with({ ulimits: [...this.values.ulimits, { name, soft, hard }] });
  }
  withCgroupParent(cgroupParent) {
    return this.with({ cgroupParent });
  }
  validExitCodes(codes) {
    return this.with({ validExitCodes: [...codes] });
  }
  /** Attaches an arbitrary value (Go's WithValue); read it back with `value`. */
  withValue(key, value) {
    const custom = new Map(this.values.custom);
    custom.set(key, value);
    return this.with({ custom });
  }
  value(key) {
    return this.values.custom.get(key);
  }
  /** Options every `marshal` of this state starts from (Go's SetMarshalDefaults). */
  setMarshalDefaults(opts) {
    return new _State(this.out, this.values, opts);
  }
  /**
   * Applies an image config (OCI image JSON) as Go's WithImageConfig does:
   * its Env, WorkingDir and platform. (The config's User is not applied, as upstream.)
   */
  withImageConfig(config) {
    const text = typeof config === "string" ? config : new TextDecoder().decode(config);
    let img;
    try {
      img = JSON.parse(text);
    } catch (err) {
      throw new LLBError("invalid-state", `invalid image config: ${err.message}`);
    }
    let s = this;
    for (const env of img.config?.Env ?? []) {
      const eq = env.indexOf("=");
      const key = eq < 0 ? env : env.slice(0, eq);
      if (key.length > 0) s = s.addEnv(key, eq < 0 ? "" : env.slice(eq + 1));
    }
    s = s.dir(img.config?.WorkingDir ?? "");
    if (img.architecture && img.os) {
      const p = {
        os: img.os,
        architecture: img.architecture
      };
      if (img.variant) p.variant = img.variant;
      if (img["os.version"]) p.osVersion = img["os.version"];
      if (img["os.features"]) p.osFeatures = [...img["os.features"]];
      s = s.platform(p);
    }
    return s;
  }
  /** Runs a process on this state; the result's root is this state's filesystem after the run. */
  run(opts) {
    const v0 = this.values;
    let args = v0.args;
    if (opts.args) args = [...opts.args];
    if (opts.shlex !== void 0) args = shlexSplit(opts.shlex);
    let env = v0.env;
    if (opts.env !== void 0) for (const [k, val] of Object.entries(opts.env)) env = env.set(k, val);
    const cwd = opts.dir !== void 0 ? resolveDir(v0.dir, opts.dir) : v0.dir;
    let extraHosts = v0.extraHosts;
    if (opts.extraHosts !== void 0 && opts.extraHosts.length > 0) {
      const added = opts.extraHosts.map((h) => ({ host: h.host, ip: canonicalIP(h.ip) }));
      extraHosts = [...extraHosts, ...added];
    }
    let ulimits = v0.ulimits;
    if (opts.ulimits !== void 0 && opts.ulimits.length > 0) {
      ulimits = [...ulimits, ...opts.ulimits.map((u) => ({ name: u.name, soft: u.soft, hard: u.hard }))];
    }
    const mounts = opts.mounts === void 0 || opts.mounts.length === 0 ? NO_MOUNT_MODELS : opts.mounts.map(mountModel);
    const exec = new ExecOp2({
      base: {
        root: this.out,
        args,
        env,
        cwd,
        user: opts.user ?? v0.user,
        hostname: opts.hostname ?? v0.hostname,
        cgroupParent: opts.cgroupParent ?? v0.cgroupParent,
        network: opts.network ?? v0.network,
        security: opts.security ?? v0.security,
        extraHosts,
        ulimits,
        validExitCodes: opts.validExitCodes !== void 0 ? [...opts.validExitCodes] : v0.validExitCodes,
        platform: v0.platform
      },
      readonlyRoot: opts.readonlyRootfs ?? false,
      mounts,
      secrets: opts.secrets === void 0 || opts.secrets.length === 0 ? NO_SECRET_MODELS : opts.secrets.map((s) => ({
        id: s.id,
        target: s.target,
        env: s.env,
        uid: s.uid ?? 0,
        gid: s.gid ?? 0,
        mode: s.mode ?? 256,
        optional: s.optional ?? false
      })),
      ssh: opts.ssh === void 0 || opts.ssh.length === 0 ? NO_SSH_MODELS : opts.ssh.map((s) => ({
        id: s.id ?? "",
        target: s.target ?? "",
        uid: s.uid ?? 0,
        gid: s.gid ?? 0,
        mode: s.mode ?? 384,
        optional: s.optional ?? false
      })),
      cdiDevices: opts.cdiDevices ?? NO_CDI,
      proxyEnv: opts.proxyEnv,
      constraints: resolveSharedConstraints(opts)
    });
    const p = exec.root?.platform;
    const rootValues = p ? { ...this.values, platform: normalizePlatform(p) } : this.values;
    return new ExecState(exec.root, rootValues, this.marshalDefaults, exec, mountSourceList(opts.mounts));
  }
  /** Applies a chain of file actions to this state. */
  file(action, opts = {}) {
    if (!action) throw noActionError();
    return this.withOutput(new FileOp2(action.bind(this), resolveSharedConstraints(opts)).output);
  }
  /**
   * This state, made to depend on `deps` too: they are built whenever this
   * state is (Go's State.Requires, a PassthroughOp named `id`).
   */
  requires(id, ...deps) {
    if (deps.length === 0) return this;
    const c = resolveConstraints();
    addCap(c, Caps.passthroughOp);
    const op = new PassthroughOp2(id, [{ output: this.out, forward: true }, ...deps.map((d) => ({ output: d.out, forward: false }))], c);
    return this.withOutput(op.output());
  }
  /** Marshals the graph ending at this state into a Definition. */
  marshal(opts = {}) {
    return marshalState(this.out, this.marshalDefaults, opts);
  }
};
var ExecState = class extends State {
  /** @internal Made by State.run. */
  constructor(out, values, marshalDefaults, exec, mountSources) {
    super(out, values, marshalDefaults);
    this.exec = exec;
    this.mountSources = mountSources;
  }
  exec;
  mountSources;
  /** The root filesystem after the run. */
  root() {
    return this;
  }
  /** A fresh state on the mount at `target` after the run (Go's ExecState.GetMount). */
  getMount(target) {
    return State.fromOutput(this.exec.mountOutput(target));
  }
  /**
   * The mount's source state moved onto the mount's output, keeping the
   * source's values (what Go's ExecState.AddMount returns).
   */
  mountState(target) {
    let src;
    for (let i = 0; i < this.mountSources.length && src === void 0; i += 2) {
      if (this.mountSources[i] === target) src = this.mountSources[i + 1];
    }
    const out = this.exec.mountOutput(target);
    return src ? src.withOutput(out) : State.fromOutput(out);
  }
};
function mountSourceList(mounts) {
  if (mounts === void 0) return NO_SOURCES;
  let n = 0;
  for (const m of mounts) if (m.source) n += 2;
  if (n === 0) return NO_SOURCES;
  const out = new Array(n);
  let i = 0;
  for (const m of mounts) {
    if (m.source) {
      out[i++] = m.target;
      out[i++] = m.source;
    }
  }
  return out;
}
function mountModel(m) {
  return {
    target: m.target,
    source: m.source?.output(),
    readonly: m.readonly ?? false,
    selector: m.selector ?? "",
    noOutput: m.noOutput ?? false,
    contentCache: m.contentCache ?? "default",
    cacheId: m.cache?.id ?? "",
    cacheSharing: m.cache?.sharing ?? "shared",
    tmpfs: m.tmpfs !== void 0,
    tmpfsSize: m.tmpfs?.size ?? 0
  };
}
function resolveDir(prev, path) {
  if (isAbsPath(path)) return path;
  return joinPath(prev === "" ? "/" : prev, path);
}

// src/llb/giturl.ts
var SUPPORTED = /* @__PURE__ */ new Set(["http", "https", "ssh", "git"]);
var PROTO = /^[a-zA-Z0-9]+:\/\//;
var SCP = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$/;
function parseGitURL(remote) {
  const proto = PROTO.exec(remote);
  if (proto) {
    const scheme = proto[0].slice(0, -3).toLowerCase();
    if (!SUPPORTED.has(scheme)) return { ok: false, reason: "invalid-protocol" };
    let rest = remote.slice(proto[0].length);
    const hash2 = rest.indexOf("#");
    if (hash2 >= 0) rest = rest.slice(0, hash2);
    const q = rest.indexOf("?");
    if (q >= 0) rest = rest.slice(0, q);
    const slash = rest.indexOf("/");
    const authority = slash >= 0 ? rest.slice(0, slash) : rest;
    const path = slash >= 0 ? rest.slice(slash) : "";
    const at = authority.lastIndexOf("@");
    const host = at >= 0 ? authority.slice(at + 1) : authority;
    return { ok: true, url: { scheme, host, path: decodePath(path), remote: `${scheme}://${rest}` } };
  }
  const m = SCP.exec(remote);
  if (m) {
    const [, user, host, path] = m;
    return { ok: true, url: { scheme: "ssh", host, path, remote: `${user}@${host}:${path}` } };
  }
  return { ok: false, reason: "unknown-protocol" };
}
function decodePath(p) {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

// src/registry/digest.ts
import { createHash as createHash2 } from "node:crypto";
var ERR_DIGEST_INVALID_FORMAT = "invalid checksum digest format";
var ERR_DIGEST_INVALID_LENGTH = "invalid checksum digest length";
var ERR_DIGEST_UNSUPPORTED = "unsupported digest algorithm";
var HEX_LENGTH = /* @__PURE__ */ new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128]
]);
function isLowerHex(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57 || c >= 97 && c <= 102)) return false;
  }
  return true;
}
function isAnyHex(c) {
  return c >= 48 && c <= 57 || c >= 97 && c <= 102 || c >= 65 && c <= 70;
}
function isAlpha(c) {
  return c >= 65 && c <= 90 || c >= 97 && c <= 122;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function hasDigestShape(s) {
  const colon = s.indexOf(":");
  if (colon <= 0) return false;
  let needAlpha = true;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    if (needAlpha) {
      if (!isAlpha(c)) return false;
      needAlpha = false;
    } else if (c === 45 || c === 95 || c === 43 || c === 46) {
      needAlpha = true;
    } else if (!isAlpha(c) && !isDigit(c)) {
      return false;
    }
  }
  if (needAlpha) return false;
  const hexLen = s.length - colon - 1;
  if (hexLen < 32) return false;
  for (let i = colon + 1; i < s.length; i++) if (!isAnyHex(s.charCodeAt(i))) return false;
  return true;
}
function validateDigest(s) {
  const i = s.indexOf(":");
  if (i <= 0 || i + 1 === s.length) return ERR_DIGEST_INVALID_FORMAT;
  const algorithm = s.slice(0, i);
  const encoded = s.slice(i + 1);
  const want = HEX_LENGTH.get(algorithm);
  if (want === void 0) {
    return hasDigestShape(s) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT;
  }
  if (encoded.length !== want) return ERR_DIGEST_INVALID_LENGTH;
  return isLowerHex(encoded) ? void 0 : ERR_DIGEST_INVALID_FORMAT;
}
function sha256Digest2(data) {
  return `sha256:${createHash2("sha256").update(data).digest("hex")}`;
}
function verifyDigest(data, digest) {
  const i = digest.indexOf(":");
  const algorithm = digest.slice(0, i);
  if (!HEX_LENGTH.has(algorithm)) return false;
  return `${algorithm}:${createHash2(algorithm).update(data).digest("hex")}` === digest;
}

// src/registry/reference.ts
var NAME_TOTAL_LENGTH_MAX = 255;
var TAG_LENGTH_MAX = 128;
var DEFAULT_DOMAIN = "docker.io";
var LEGACY_DEFAULT_DOMAIN = "index.docker.io";
var OFFICIAL_REPO_PREFIX = "library/";
var DEFAULT_TAG = "latest";
var ERR_REFERENCE_INVALID_FORMAT = "invalid reference format";
var ERR_DIGEST_INVALID_FORMAT2 = "invalid digest format";
var ERR_NAME_CONTAINS_UPPERCASE = "repository name must be lowercase";
var ERR_NAME_EMPTY = "repository name must have at least one component";
var ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
var ReferenceFormatError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ReferenceFormatError";
  }
};
var NamedReference = class _NamedReference {
  constructor(domain, path, tag, digest) {
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }
  domain;
  path;
  tag;
  digest;
  get name() {
    return this.domain === "" ? this.path : `${this.domain}/${this.path}`;
  }
  toString() {
    let s = this.name;
    if (this.tag !== void 0) s += `:${this.tag}`;
    if (this.digest !== void 0) s += `@${this.digest}`;
    return s;
  }
  /** The short form users type: docker.io and library/ dropped (upstream's Familiar). */
  familiar() {
    let domain = this.domain;
    let path = this.path;
    if (domain === DEFAULT_DOMAIN) {
      domain = "";
      if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
        const rest = path.slice(OFFICIAL_REPO_PREFIX.length);
        if (!rest.includes("/")) path = rest;
      }
    }
    return new _NamedReference(domain, path, this.tag, this.digest);
  }
};
function isLowerAlnum(c) {
  return c >= 97 && c <= 122 || c >= 48 && c <= 57;
}
function isAlnum(c) {
  return isLowerAlnum(c) || c >= 65 && c <= 90;
}
function isWord(c) {
  return isAlnum(c) || c === 95;
}
function isDigitsOnly(s) {
  if (s === "") return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
function goToLower(s) {
  return s.replace(/\u0130/g, "i").toLowerCase();
}
function isPathComponent(s, start, end) {
  if (start >= end) return false;
  let i = start;
  for (; ; ) {
    if (i >= end || !isLowerAlnum(s.charCodeAt(i))) return false;
    while (i < end && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === end) return true;
    const c = s.charCodeAt(i);
    if (c === 46) i++;
    else if (c === 95) i += s.charCodeAt(i + 1) === 95 && i + 1 < end ? 2 : 1;
    else if (c === 45) while (i < end && s.charCodeAt(i) === 45) i++;
    else return false;
  }
}
function isRemoteName(s) {
  let start = 0;
  for (; ; ) {
    const slash = s.indexOf("/", start);
    const end = slash < 0 ? s.length : slash;
    if (!isPathComponent(s, start, end)) return false;
    if (slash < 0) return true;
    start = slash + 1;
  }
}
function isDomainLabel(s) {
  if (s === "") return false;
  if (!isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 45) return false;
  }
  return true;
}
function isDomainAndPort(s) {
  let rest;
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close < 2) return false;
    for (let i = 1; i < close; i++) {
      const c = s.charCodeAt(i);
      const hex2 = c >= 48 && c <= 57 || c >= 97 && c <= 102 || c >= 65 && c <= 70;
      if (!hex2 && c !== 58) return false;
    }
    rest = s.slice(close + 1);
  } else {
    const colon = s.indexOf(":");
    const host = colon < 0 ? s : s.slice(0, colon);
    if (!host.split(".").every(isDomainLabel)) return false;
    rest = colon < 0 ? "" : s.slice(colon);
  }
  return rest === "" || rest.startsWith(":") && isDigitsOnly(rest.slice(1));
}
function isValidTag(s) {
  if (s === "" || s.length > TAG_LENGTH_MAX || !isWord(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWord(c) && c !== 46 && c !== 45) return false;
  }
  return true;
}
function splitName(name) {
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const domain = name.slice(0, slash);
    const path = name.slice(slash + 1);
    if (isDomainAndPort(domain) && isRemoteName(path)) return { domain, path };
  }
  return isRemoteName(name) ? { domain: "", path: name } : void 0;
}
function matchReference(s) {
  let rest = s;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    if (!hasDigestShape(digest)) return void 0;
    rest = rest.slice(0, at);
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    if (!isValidTag(tag)) return void 0;
    rest = rest.slice(0, colon);
  }
  const name = splitName(rest);
  if (name === void 0) return void 0;
  return { ...name, tag, digest };
}
function parse(s) {
  const m = matchReference(s);
  if (m === void 0) {
    if (s === "") throw new ReferenceFormatError(ERR_NAME_EMPTY);
    if (matchReference(goToLower(s)) !== void 0) throw new ReferenceFormatError(ERR_NAME_CONTAINS_UPPERCASE);
    throw new ReferenceFormatError(ERR_REFERENCE_INVALID_FORMAT);
  }
  if (m.path.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceFormatError(ERR_NAME_TOO_LONG);
  if (m.digest !== void 0) {
    const err = validateDigest(m.digest);
    if (err !== void 0) throw new ReferenceFormatError(err);
  }
  return new NamedReference(m.domain, m.path, m.tag, m.digest);
}
function splitDockerDomain(name) {
  const slash = name.indexOf("/");
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemainder = name.slice(slash + 1);
  let domain;
  let remainder;
  if (maybeDomain === "localhost") {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, maybeRemainder];
  } else if (maybeDomain.includes(".") || maybeDomain.includes(":")) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (goToLower(maybeDomain) !== maybeDomain) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}
function isIdentifier(s) {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 48 && c <= 57 || c >= 97 && c <= 102)) return false;
  }
  return true;
}
function parseNormalizedNamed(s) {
  if (isIdentifier(s)) {
    throw new ReferenceFormatError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(":");
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (goToLower(remote) !== remote) {
    throw new ReferenceFormatError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}
function isNameOnly(ref) {
  return ref.tag === void 0 && ref.digest === void 0;
}
function tagNameOnly(ref) {
  return isNameOnly(ref) ? new NamedReference(ref.domain, ref.path, DEFAULT_TAG) : ref;
}
function withDigest(ref, digest) {
  if (!hasDigestShape(digest)) throw new ReferenceFormatError(ERR_DIGEST_INVALID_FORMAT2);
  return new NamedReference(ref.domain, ref.path, ref.tag, digest);
}
function familiarString(ref) {
  return ref instanceof NamedReference ? ref.familiar().toString() : ref.toString();
}

// src/llb/reference.ts
function parseNormalizedNamed2(ref) {
  let named;
  try {
    named = parseNormalizedNamed(ref);
  } catch (err) {
    throw new LLBError("invalid-reference", err instanceof Error ? err.message : String(err));
  }
  const out = { domain: named.domain, path: named.path };
  if (named.tag !== void 0) out.tag = named.tag;
  if (named.digest !== void 0) out.digest = named.digest;
  return out;
}
function tagNameOnly2(r) {
  return r.tag === void 0 && r.digest === void 0 ? { ...r, tag: "latest" } : r;
}
function formatReference(r) {
  return `${r.domain}/${r.path}${r.tag !== void 0 ? `:${r.tag}` : ""}${r.digest !== void 0 ? `@${r.digest}` : ""}`;
}

// src/llb/ops/merge.ts
var MergeOp2 = class {
  constructor(sources, constraints) {
    this.sources = sources;
    this.constraints = constraints;
  }
  sources;
  constraints;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  output = new Output(this, indexZero);
  inputs() {
    return this.sources;
  }
  marshalUncached(ctx) {
    if (this.sources.length < 2) throw new LLBError("invalid-state", "merge must have at least 2 inputs");
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    const inputs = [];
    op.inputs = [];
    for (const s of this.sources) {
      inputs.push({ input: op.inputs.length });
      op.inputs.push(s.toInput(ctx));
    }
    op.op = { case: "merge", value: { inputs } };
    return finishOp(op, metadata, own);
  }
};
var DiffOp2 = class {
  constructor(lower, upper, constraints) {
    this.lower = lower;
    this.upper = upper;
    this.constraints = constraints;
  }
  lower;
  upper;
  constraints;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  output = new Output(this, indexZero);
  inputs() {
    const out = [];
    if (this.lower) out.push(this.lower);
    if (this.upper) out.push(this.upper);
    return out;
  }
  marshalUncached(ctx) {
    const own = cloneConstraints(this.constraints);
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    delete op.platform;
    op.inputs = [];
    const side = (o) => {
      if (!o) return { input: -1 };
      const idx = op.inputs.length;
      op.inputs.push(o.toInput(ctx));
      return { input: idx };
    };
    const lower = side(this.lower);
    const upper = side(this.upper);
    op.op = { case: "diff", value: { lower, upper } };
    return finishOp(op, metadata, own);
  }
};

// src/llb/ops/source.ts
var SourceOp2 = class {
  constructor(identifier, attrs, constraints, error) {
    this.identifier = identifier;
    this.attrs = attrs;
    this.constraints = constraints;
    this.error = error;
    this.output = new Output(this, indexZero, constraints.platform);
  }
  identifier;
  attrs;
  constraints;
  error;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  output;
  inputs() {
    return [];
  }
  marshalUncached(ctx) {
    if (this.error) throw this.error;
    if (this.identifier === "") throw new LLBError("invalid-state", "source identifier can't be empty");
    const own = cloneConstraints(this.constraints);
    let attrs = this.attrs;
    if (this.identifier.startsWith("local://") && !("local.session" in attrs)) {
      const uid = own.localUniqueId || ctx.constraints.localUniqueId || "";
      attrs = { ...attrs, "local.unique": uid };
      addCap(own, Caps.sourceLocalUnique);
    }
    const { op, metadata } = marshalConstraints(ctx.constraints, own);
    op.op = { case: "source", value: { identifier: this.identifier, attrs: { ...attrs } } };
    if (!this.identifier.startsWith("docker-image://") && !this.identifier.startsWith("oci-layout://")) {
      delete op.platform;
    }
    return finishOp(op, metadata, own);
  }
};

// src/llb/sources.ts
function scratch() {
  return State.fromOutput(void 0);
}
function imageSource(ref, opts) {
  let normalized;
  let error;
  try {
    normalized = formatReference(tagNameOnly2(parseNormalizedNamed2(ref)));
  } catch (err) {
    if (!(err instanceof LLBError)) throw err;
    error = err;
  }
  const c = resolveConstraints(opts);
  addCap(c, Caps.sourceImage);
  const attrs = {};
  const mode = opts.resolveMode ?? "default";
  if (mode !== "default") {
    attrs["image.resolvemode"] = mode;
    if (mode === "pull") addCap(c, Caps.sourceImageResolveMode);
  }
  if (opts.internal) attrs["image.recordtype"] = "internal";
  if (opts.layerLimit !== void 0) {
    attrs["image.layerlimit"] = String(opts.layerLimit);
    addCap(c, Caps.sourceImageLayerLimit);
  }
  if (opts.checksum) {
    attrs["image.checksum"] = opts.checksum;
    addCap(c, Caps.sourceImageChecksum);
  }
  return { source: new SourceOp2(`docker-image://${normalized ?? ref}`, attrs, c, error), normalized };
}
function image(ref, opts = {}) {
  return State.fromOutput(imageSource(ref, opts).source.output);
}
async function resolvedImage(ref, resolver, opts = {}) {
  const { source, normalized } = imageSource(ref, opts);
  if (normalized === void 0) return State.fromOutput(source.output);
  const parsed = parseNormalizedNamed2(normalized);
  const req = { resolveMode: opts.resolveMode ?? "default" };
  if (opts.platform) req.platform = opts.platform;
  const res = await resolver.resolveImageConfig(normalized, req);
  if (parsed.digest !== void 0 || !opts.resolveDigest) {
    return State.fromOutput(source.output).withImageConfig(res.config);
  }
  let pinned = parseNormalizedNamed2(res.ref);
  if (res.digest) pinned = { ...pinned, digest: res.digest };
  const pinnedSource = imageSource(formatReference(pinned), opts).source;
  return State.fromOutput(pinnedSource.output).withImageConfig(res.config);
}
function local(name, opts = {}) {
  const c = resolveConstraints(opts);
  const attrs = {};
  if (opts.sessionId) {
    attrs["local.session"] = opts.sessionId;
    addCap(c, Caps.sourceLocalSessionID);
  }
  if (opts.includePatterns && opts.includePatterns.length > 0) {
    attrs["local.includepattern"] = JSON.stringify(opts.includePatterns);
    addCap(c, Caps.sourceLocalIncludePatterns);
  }
  if (opts.followPaths && opts.followPaths.length > 0) {
    attrs["local.followpaths"] = JSON.stringify(opts.followPaths);
    addCap(c, Caps.sourceLocalFollowPaths);
  }
  if (opts.excludePatterns && opts.excludePatterns.length > 0) {
    attrs["local.excludepatterns"] = JSON.stringify(opts.excludePatterns);
    addCap(c, Caps.sourceLocalExcludePatterns);
  }
  if (opts.sharedKeyHint) {
    attrs["local.sharedkeyhint"] = opts.sharedKeyHint;
    addCap(c, Caps.sourceLocalSharedKeyHint);
  }
  if (opts.differ) {
    attrs["local.differ"] = opts.differ.type;
    if (opts.differ.required) addCap(c, Caps.sourceLocalDiffer);
  }
  if (opts.metadataOnly) {
    attrs["local.metadatatransfer"] = "true";
    const ex = opts.metadataOnly.exceptions;
    if (ex && ex.length > 0) attrs["local.metadatatransferexclude"] = JSON.stringify(ex);
    addCap(c, Caps.sourceMetadataTransfer);
  }
  addCap(c, Caps.sourceLocal);
  return State.fromOutput(new SourceOp2(`local://${name}`, attrs, c).output);
}
function git(url, fragment = "", opts = {}) {
  let parsed = parseGitURL(url);
  if (!parsed.ok && parsed.reason === "unknown-protocol") {
    url = `https://${url}`;
    parsed = parseGitURL(url);
  }
  if (parsed.ok) url = parsed.url.remote;
  let ref = "";
  let subdir = "";
  const colon = fragment.indexOf(":");
  const fragRef = colon >= 0 ? fragment.slice(0, colon) : fragment;
  let fragSub = colon >= 0 ? joinPath("/", fragment.slice(colon + 1)) : "";
  fragSub = fragSub.replace(/^\//, "");
  if (fragRef !== "") ref = fragRef;
  if (colon >= 0 && fragSub !== "") subdir = fragSub;
  if (opts.ref !== void 0) ref = opts.ref;
  if (opts.subdir !== void 0) subdir = opts.subdir;
  let id;
  if (!parsed.ok) id = url;
  else {
    id = parsed.url.host + joinPath("/", parsed.url.path);
    if (ref !== "" || subdir !== "") {
      id += `#${ref}`;
      if (subdir !== "") id += `:${subdir}`;
    }
  }
  const c = resolveConstraints(opts);
  const attrs = {};
  if (opts.keepGitDir) {
    attrs["git.keepgitdir"] = "true";
    addCap(c, Caps.sourceGitKeepDir);
  }
  if (url !== "") {
    attrs["git.fullurl"] = url;
    addCap(c, Caps.sourceGitFullURL);
  }
  const addAuthCap = opts.authTokenSecret !== void 0 || opts.authHeaderSecret !== void 0;
  const token = opts.authTokenSecret ?? "GIT_AUTH_TOKEN";
  const header = opts.authHeaderSecret ?? "GIT_AUTH_HEADER";
  if (token !== "") {
    attrs["git.authtokensecret"] = token;
    if (addAuthCap) addCap(c, Caps.sourceGitHTTPAuth);
  }
  if (header !== "") {
    attrs["git.authheadersecret"] = header;
    if (addAuthCap) addCap(c, Caps.sourceGitHTTPAuth);
  }
  if (parsed.ok && parsed.url.scheme === "ssh") {
    if (opts.knownSSHHosts) attrs["git.knownsshhosts"] = `${opts.knownSSHHosts.replace(/\n$/, "")}
`;
    addCap(c, Caps.sourceGitKnownSSHHosts);
    attrs["git.mountsshsock"] = opts.mountSSHSock || "default";
    addCap(c, Caps.sourceGitMountSSHSock);
  }
  if (opts.checksum) {
    attrs["git.checksum"] = opts.checksum;
    addCap(c, Caps.sourceGitChecksum);
  }
  if (opts.skipSubmodules) {
    attrs["git.skipsubmodules"] = "true";
    addCap(c, Caps.sourceGitSkipSubmodules);
  }
  if (opts.mtime) {
    attrs["git.mtime"] = opts.mtime;
    addCap(c, Caps.sourceGitMTime);
  }
  if (opts.fetchByCommit) {
    attrs["git.fetchbycommit"] = "true";
    addCap(c, Caps.sourceGitFetchByCommit);
  }
  addCap(c, Caps.sourceGit);
  return State.fromOutput(new SourceOp2(`git://${id}`, attrs, c).output);
}
function http(url, opts = {}) {
  const c = resolveConstraints(opts);
  const attrs = {};
  if (opts.checksum) {
    attrs["http.checksum"] = opts.checksum;
    addCap(c, Caps.sourceHTTPChecksum);
  }
  if (opts.filename) attrs["http.filename"] = opts.filename;
  const perm = (opts.chmod ?? 0) & 511;
  if (perm !== 0) {
    attrs["http.perm"] = `0${perm.toString(8)}`;
    addCap(c, Caps.sourceHTTPPerm);
  }
  if (opts.chown && opts.chown.uid !== 0) {
    attrs["http.uid"] = String(opts.chown.uid);
    addCap(c, Caps.sourceHTTPUIDGID);
  }
  if (opts.chown && opts.chown.gid !== 0) {
    attrs["http.gid"] = String(opts.chown.gid);
    addCap(c, Caps.sourceHTTPUIDGID);
  }
  if (opts.authHeaderSecret) {
    attrs["http.authheadersecret"] = opts.authHeaderSecret;
    addCap(c, Caps.sourceHTTPAuth);
  }
  if (opts.header) {
    if (opts.header.accept) attrs["http.header.accept"] = opts.header.accept;
    if (opts.header.userAgent) attrs["http.header.user-agent"] = opts.header.userAgent;
    addCap(c, Caps.sourceHTTPHeader);
  }
  addCap(c, Caps.sourceHTTP);
  return State.fromOutput(new SourceOp2(url, attrs, c).output);
}
function ociLayout(ref, opts = {}) {
  const c = resolveConstraints(opts);
  const attrs = {};
  if (opts.store?.sessionId) attrs["oci.session"] = opts.store.sessionId;
  if (opts.store?.storeId) attrs["oci.store"] = opts.store.storeId;
  if (opts.layerLimit !== void 0) attrs["oci.layerlimit"] = String(opts.layerLimit);
  addCap(c, Caps.sourceOCILayout);
  return State.fromOutput(new SourceOp2(`oci-layout://${ref}`, attrs, c).output);
}
function merge(inputs, opts = {}) {
  const live = inputs.filter((s) => s.output() !== void 0);
  if (live.length === 0) return scratch();
  if (live.length === 1) return live[0];
  const c = resolveSharedConstraints(opts, Caps.mergeOp);
  return live[0].withOutput(new MergeOp2(live.map((s) => s.output()), c).output);
}
function diff(lower, upper, opts = {}) {
  if (lower.output() === void 0) return upper.output() === void 0 ? scratch() : upper;
  const c = resolveSharedConstraints(opts, Caps.diffOp);
  return lower.withOutput(new DiffOp2(lower.output(), upper.output(), c).output);
}

// src/llb/sourcemap.ts
var SourceMap = class {
  constructor(filename, language, data, state, definition) {
    this.filename = filename;
    this.language = language;
    this.data = data;
    this.state = state;
    this.definition = definition;
  }
  filename;
  language;
  data;
  state;
  definition;
  /** A location for ConstraintsOptions.sourceLocations. */
  location(ranges) {
    return { sourceMap: this, ranges };
  }
};

// src/llb/ops/definition.ts
var NO_LOCATIONS3 = [];
var DefinitionOp = class _DefinitionOp {
  constructor(shared3, digest, index) {
    this.shared = shared3;
    this.digest = digest;
    this.index = index;
  }
  shared;
  digest;
  index;
  /** @internal Marshal memoisation (see Vertex). */
  marshalCtx = void 0;
  /** @internal */
  marshaled = void 0;
  /** @internal */
  walkCtx = void 0;
  inputOutputs;
  /**
   * The head of `def` (the input of its terminal op). For a definition
   * without ops it is an op that fails to marshal, as in Go. Throws for op
   * bytes that do not decode and for locations naming a source map that does
   * not exist.
   */
  static fromDefinition(def) {
    const shared3 = {
      ops: /* @__PURE__ */ new Map(),
      defs: /* @__PURE__ */ new Map(),
      metas: /* @__PURE__ */ new Map(),
      sources: /* @__PURE__ */ new Map(),
      platforms: /* @__PURE__ */ new Map(),
      inputCache: /* @__PURE__ */ new Map()
    };
    let dgst = "";
    for (const dt of def.def ?? []) {
      let op;
      try {
        op = decodeMessage(Op, dt);
      } catch (err) {
        throw new LLBError("invalid-definition", `failed to parse llb proto op: ${err.message}`);
      }
      dgst = sha256Digest(dt);
      shared3.ops.set(dgst, op);
      shared3.defs.set(dgst, dt);
      const p = op.platform;
      shared3.platforms.set(
        dgst,
        p === void 0 ? void 0 : {
          os: p.OS ?? "",
          architecture: p.Architecture ?? "",
          variant: p.Variant || void 0,
          osVersion: p.OSVersion || void 0,
          osFeatures: p.OSFeatures !== void 0 && p.OSFeatures.length > 0 ? [...p.OSFeatures] : void 0
        }
      );
    }
    const src = def.Source;
    if (src !== void 0) {
      const maps = (src.infos ?? []).map((info) => {
        const st = info.definition !== void 0 ? definitionState(info.definition) : void 0;
        return new SourceMap(info.filename ?? "", info.language ?? "", info.data ?? new Uint8Array(), st);
      });
      for (const [d, locs] of Object.entries(src.locations ?? {})) {
        for (const loc of locs.locations ?? []) {
          const i = loc.sourceIndex ?? 0;
          if (i < 0 || i >= maps.length) throw new LLBError("invalid-definition", `failed to find source map with index ${i}`);
          let list = shared3.sources.get(d);
          if (list === void 0) shared3.sources.set(d, list = []);
          list.push({ sourceMap: maps[i], ranges: (loc.ranges ?? []).map(rangeFromPb) });
        }
      }
    }
    for (const [k, v] of Object.entries(def.metadata ?? {})) shared3.metas.set(k, metadataFromPb(v));
    if (dgst === "") return new _DefinitionOp(shared3, "", 0);
    const terminal = shared3.ops.get(dgst);
    const head = terminal.inputs?.[0];
    if (head === void 0) throw new LLBError("invalid-definition", "invalid definition: the last op has no input");
    return new _DefinitionOp(shared3, head.digest ?? "", Number(head.index ?? 0));
  }
  /** The op's output with the op's platform (Go's DefinitionOp.Output). */
  output() {
    return new Output(this, () => this.index, this.shared.platforms.get(this.digest));
  }
  inputs() {
    if (this.inputOutputs !== void 0) return this.inputOutputs;
    if (this.digest === "") return this.inputOutputs = [];
    const op = this.shared.ops.get(this.digest);
    if (op === void 0) throw new LLBError("invalid-definition", `invalid definition op with unknown op "${this.digest}"`);
    const platform = this.shared.platforms.get(this.digest);
    const out = [];
    for (const input of op.inputs ?? []) {
      const d = input.digest ?? "";
      const idx = Number(input.index ?? 0);
      let known = this.shared.inputCache.get(d);
      let vtx = known?.[idx];
      if (vtx === void 0) {
        vtx = new _DefinitionOp(this.shared, d, idx);
        if (known === void 0) this.shared.inputCache.set(d, known = []);
        known[idx] = vtx;
      }
      const v = vtx;
      out.push(new Output(v, () => v.index, platform));
    }
    this.inputOutputs = out;
    return out;
  }
  marshalUncached() {
    if (this.digest === "") throw new LLBError("invalid-definition", "cannot marshal empty definition op");
    const s = this.shared;
    if (s.ops.size === 0 || s.defs.size === 0 || s.metas.size === 0) {
      throw new LLBError("invalid-definition", `invalid definition op with no ops ${s.ops.size} ${s.metas.size}`);
    }
    const bytes2 = s.defs.get(this.digest);
    if (!s.ops.has(this.digest)) throw new LLBError("invalid-definition", `invalid definition op with unknown op "${this.digest}"`);
    if (bytes2 === void 0) throw new LLBError("invalid-definition", `invalid definition op with unknown def "${this.digest}"`);
    const metadata = s.metas.get(this.digest);
    if (metadata === void 0) throw new LLBError("invalid-definition", `invalid definition op with unknown metas "${this.digest}"`);
    if (this.index < 0) throw new LLBError("invalid-definition", "invalid definition op with invalid index");
    return { digest: this.digest, bytes: bytes2, metadata, sourceLocations: s.sources.get(this.digest) ?? NO_LOCATIONS3 };
  }
};
function rangeFromPb(r) {
  return {
    start: { line: r.start?.line ?? 0, character: r.start?.character ?? 0 },
    end: { line: r.end?.line ?? 0, character: r.end?.character ?? 0 }
  };
}
function definitionState(def) {
  const op = DefinitionOp.fromDefinition(def);
  return State.fromOutput(new Output(op, () => op.index));
}

// src/go/json.ts
var HEX = "0123456789abcdef";
function goQuoteJSON(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92 && c !== 60 && c !== 62 && c !== 38 && c < 8232) {
      if (c >= 55296 && c <= 57343) {
        const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c <= 56319 && next >= 56320 && next <= 57343) {
          out += s[i] + s[i + 1];
          i++;
        } else {
          out += "\\ufffd";
        }
        continue;
      }
      out += s[i];
      continue;
    }
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += "\\\\";
        break;
      case 8:
        out += "\\b";
        break;
      case 12:
        out += "\\f";
        break;
      case 10:
        out += "\\n";
        break;
      case 13:
        out += "\\r";
        break;
      case 9:
        out += "\\t";
        break;
      case 8232:
      case 8233:
        out += c === 8232 ? "\\u2028" : "\\u2029";
        break;
      default:
        if (c < 32 || c === 60 || c === 62 || c === 38) {
          out += "\\u00" + HEX[c >> 4] + HEX[c & 15];
        } else {
          out += s[i];
        }
    }
  }
  return out + '"';
}
var GO_ONLY_ESCAPES = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029"
};
function goJSONStringify(v, indent) {
  return JSON.stringify(v, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ONLY_ESCAPES[c] ?? c);
}

// src/llb/dump.ts
var goString = goQuoteJSON;
function isEmptyValue(v) {
  if (v === void 0 || v === null) return true;
  switch (typeof v) {
    case "number":
      return v === 0;
    case "bigint":
      return v === 0n;
    case "string":
      return v.length === 0;
    case "boolean":
      return !v;
  }
  if (v instanceof Uint8Array || Array.isArray(v)) return v.length === 0;
  return false;
}
function scalarJSON(kind, v) {
  if (kind === "string") return goString(v);
  if (kind === "bytes") return `"${Buffer.from(v).toString("base64")}"`;
  if (kind === "bool") return v ? "true" : "false";
  return String(v);
}
function mapValueJSON(d, v) {
  if (d.kind === "message") return messageJSON(messageDesc(d.typeName), v ?? {});
  return scalarJSON(d.kind === "enum" ? "enum" : d.scalar, v);
}
function fieldJSON(f, v) {
  if (f.kind === "map") {
    const m = v;
    const keys = Object.keys(m).sort(compareUtf8);
    return `{${keys.map((k) => `${goString(k)}:${mapValueJSON(f.mapValue, m[k])}`).join(",")}}`;
  }
  const one = (x) => f.kind === "message" ? messageJSON(messageDesc(f.typeName), x) : scalarJSON(f.kind === "enum" ? "enum" : f.scalar, x);
  if (f.repeated) return `[${v.map(one).join(",")}]`;
  return one(v);
}
function goOneofName(name) {
  return name.replace(/(^|_)([a-z])/g, (_m, _p, c) => c.toUpperCase());
}
function messageJSON(desc, msg) {
  switch (desc.typeName) {
    case "pb.Op":
      return opJSON(msg);
    case "pb.FileAction":
      return fileActionJSON(msg);
    case "pb.UserOpt":
      return userOptJSON(msg);
  }
  const parts = [];
  const oneofsDone = /* @__PURE__ */ new Set();
  for (const f of desc.fields) {
    if (f.kind !== "map" && f.oneof !== void 0) {
      if (oneofsDone.has(f.oneof)) continue;
      oneofsDone.add(f.oneof);
      const o = msg[f.oneof];
      if (!o) {
        parts.push(`${goString(goOneofName(f.oneof))}:null`);
        continue;
      }
      const member = desc.fields.find((x) => x.name === o.case);
      parts.push(`${goString(goOneofName(f.oneof))}:{${goString(member.name)}:${fieldJSON({ ...member, oneof: void 0 }, o.value)}}`);
      continue;
    }
    const v = msg[f.name];
    if (f.kind === "message" && !f.repeated) {
      if (v === void 0) continue;
    } else if (f.kind === "map") {
      if (v === void 0 || Object.keys(v).length === 0) continue;
    } else if (isEmptyValue(v)) continue;
    parts.push(`${goString(f.name)}:${fieldJSON(f, v)}`);
  }
  return `{${parts.join(",")}}`;
}
function sub2(typeName, v) {
  return messageJSON(messageDesc(typeName), v);
}
function opJSON(msg) {
  const op = msg;
  const parts = [];
  if (op.inputs && op.inputs.length > 0) parts.push(`"inputs":[${op.inputs.map((i) => sub2("pb.Input", i)).join(",")}]`);
  const inner = op.op ? `${goString(op.op.case)}:${sub2(`pb.${opTypeName(op.op.case)}`, op.op.value)}` : "";
  parts.push(`"Op":{${inner}}`);
  if (op.platform) parts.push(`"platform":${sub2("pb.Platform", op.platform)}`);
  if (op.constraints) parts.push(`"constraints":${sub2("pb.WorkerConstraints", op.constraints)}`);
  return `{${parts.join(",")}}`;
}
function opTypeName(c) {
  switch (c) {
    case "exec":
      return "ExecOp";
    case "source":
      return "SourceOp";
    case "file":
      return "FileOp";
    case "build":
      return "BuildOp";
    case "merge":
      return "MergeOp";
    case "diff":
      return "DiffOp";
    case "passthrough":
      return "PassthroughOp";
  }
}
var FILE_ACTION_TYPES = {
  copy: "pb.FileActionCopy",
  mkfile: "pb.FileActionMkFile",
  mkdir: "pb.FileActionMkDir",
  rm: "pb.FileActionRm"
  // Upstream's FileAction JSON has no symlink member: a symlink prints as "Action":{}.
};
function fileActionJSON(msg) {
  const a = msg;
  const t = a.action ? FILE_ACTION_TYPES[a.action.case] : void 0;
  const inner = a.action && t ? `${goString(a.action.case)}:${sub2(t, a.action.value)}` : "";
  return `{"input":${String(a.input ?? 0)},"secondaryInput":${String(a.secondaryInput ?? 0)},"output":${String(a.output ?? 0)},"Action":{${inner}}}`;
}
function userOptJSON(msg) {
  const u = msg;
  const parts = [];
  if (u.user?.case === "byName") parts.push(`"byName":${sub2("pb.NamedUserOpt", u.user.value)}`);
  if (u.user?.case === "byID" && u.user.value !== 0) parts.push(`"byId":${u.user.value}`);
  return `{"User":{${parts.join(",")}}}`;
}
function opToGoJSON(opBytes, metadata) {
  const op = decodeMessage(Op, opBytes);
  const md = metadataJSON(metadata);
  return `{"Op":${opJSON(op)},"Digest":${goString(sha256Digest(opBytes))},"OpMetadata":${md}}`;
}
function metadataJSON(m) {
  return messageJSON(OpMetadata, m ?? {});
}
function dumpDefinition(bytes2) {
  const def = decodeMessage(Definition, bytes2);
  let out = "";
  for (const opBytes of def.def ?? []) {
    out += `${opToGoJSON(opBytes, def.metadata?.[sha256Digest(opBytes)])}
`;
  }
  return out;
}

export {
  __export,
  Caps,
  capSet,
  LLBError,
  marshalVertex,
  Output,
  cleanPath,
  joinPath,
  basePath,
  isAbsPath,
  goQuote,
  parseGoBool,
  parseGoUint32,
  parseGoInt32,
  goParseInt64,
  hostPlatform,
  normalizePlatform,
  parsePlatform,
  formatPlatform,
  formatPlatformAll,
  fromOCIPlatform,
  defaultPlatform,
  encodeMessage,
  DecodeError,
  decodeMessage,
  Definition2 as Definition,
  definitionOps,
  EnvList,
  FileAction2 as FileAction,
  BoundFileAction,
  mkdir,
  mkfile,
  rm,
  symlink,
  copy,
  chownFromString,
  State,
  ExecState,
  validateDigest,
  sha256Digest2 as sha256Digest,
  verifyDigest,
  parse,
  parseNormalizedNamed,
  tagNameOnly,
  withDigest,
  familiarString,
  parseNormalizedNamed2,
  tagNameOnly2,
  formatReference,
  scratch,
  image,
  resolvedImage,
  local,
  git,
  http,
  ociLayout,
  merge,
  diff,
  SourceMap,
  DefinitionOp,
  definitionState,
  goJSONStringify,
  opToGoJSON,
  dumpDefinition
};
