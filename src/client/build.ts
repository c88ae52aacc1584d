// `build`: a Dockerfile build on a BuildKit daemon, with the options of
// `docker buildx build` (and buildctl's `--opt`), used by the CLI command
// and the library (`import { connect, build } from 'dockerfile-llb'`).
import { createWriteStream, existsSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { splitCsvFields } from '../go/csv.ts';
import { goQuote, parseGoBool } from '../go/strconv.ts';
import { goIndentRaw, goQuoteJSON } from '../go/json.ts';
import { compareUtf8 } from '../go/strings.ts';
import { parse as parseReference } from '../registry/reference.ts';
import { containsDigest, validateDigest } from '../registry/digest.ts';
import { canonicalIP } from '../go/ip.ts';
import { ramInBytes } from '../go/units.ts';
import { PlatformError, formatPlatformAll, hostPlatform, normalizePlatform, parsePlatform } from '../platform/platform.ts';
import { newID } from '../llb/identity.ts';
import { argumentError, checkOptions } from '../llb/args.ts';
import { Connection, type ConnectOptions } from './connection.ts';
import { solve, type CacheEntry, type ExportEntry, type FrontendChoice } from './solve.ts';
import type { FileOutput, SecretSource, SessionOptions, SSHAgent } from './session.ts';
import { agentKey, parsePrivateKey, type AgentKey } from './sshagent.ts';
import { xattrs } from './fswalk.ts';
import { goFsError, mkdirAll } from '../go/os.ts';
import { LocalStore, indexFind, indexGet, indexPut, type Index } from './content.ts';
import type * as ctl from '../gen/moby.buildkit.v1.ts';
import type { Channel } from '../dockerfile/channel.ts';

export { Connection, ConnectError, type ConnectOptions } from './connection.ts';
export { CancelledError } from './solve.ts';

/** A bad option: a message for the user (the CLI exits 1 with it). */
export class BuildOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildOptionError';
  }
}

export interface BuildOptions {
  /** The build context: a directory (default "."), or a git / HTTP(S) URL. */
  context?: string;
  /**
   * The build context as an archive (tar, or tar compressed with gzip, bzip2
   * or xz) instead of `context`: the daemon pulls it through the session, as
   * buildx sends one read from standard input. The Dockerfile is read from
   * it unless `file` is an absolute path.
   */
  contextArchive?: Uint8Array;
  /** The Dockerfile (default CONTEXT/Dockerfile). */
  file?: string;
  /** Image names (`-t`): exported as an image with these names. */
  tags?: string[];
  /** Push the tagged image (`--push`). */
  push?: boolean;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** Named contexts (`--build-context NAME=PATH|URL`). */
  buildContexts?: Record<string, string>;
  target?: string;
  /** Target platforms (`os/arch[/variant]`). */
  platforms?: string[];
  /** `--secret` values: `id=ID[,src=PATH|,env=VAR][,type=file|env]`. */
  secrets?: string[];
  /** `--ssh` values: `default|ID[=SOCKET|KEY[,...]]`. */
  ssh?: string[];
  noCache?: boolean;
  /** Stages built without the cache (`--no-cache-filter`). */
  noCacheFilter?: string[];
  /** Pull every base image again (`--pull`: image-resolve-mode=pull). */
  pull?: boolean;
  /** RUN's network (`--network default|none|host`; host asks for the network.host entitlement). */
  network?: string;
  /** Extra /etc/hosts entries of RUN (`--add-host HOST:IP` or `HOST=IP`, IPs joined by commas). */
  addHosts?: string[];
  /** The size of RUN's /dev/shm (`--shm-size 64m`). */
  shmSize?: string;
  /** RUN's resource limits (`--ulimit nofile=1024:2048`). */
  ulimits?: string[];
  /** Attestations (`--attest type=sbom|provenance[,K=V...]`; `--sbom V` and `--provenance V` are `type=sbom,V` and `type=provenance,V`, a boolean V enabling or disabling it). */
  attests?: string[];
  /** Annotations of the exported images (`--annotation [TYPE[,TYPE]:]KEY=VALUE`, TYPE index, index-descriptor, manifest or manifest-descriptor, a manifest one with an optional [PLATFORM]). */
  annotations?: string[];
  /** Entitlements the build may use (`--allow network.host|security.insecure`). */
  allow?: string[];
  /** Further frontend options (`--opt K=V`, as buildctl passes them). */
  opts?: Record<string, string>;
  /** `--output` values (`type=local,dest=DIR`, `type=tar,dest=FILE`, `DIR`, `-`, …). */
  outputs?: string[];
  /** `--cache-from` / `--cache-to` values (`type=registry,ref=…`, `type=local,src=DIR` / `dest=DIR`, `type=inline`, …). */
  cacheFrom?: string[];
  cacheTo?: string[];
  /** `--call`: build (default), or a subrequest whose answer is returned instead. */
  call?: 'build' | 'check' | 'outline' | 'targets';
  /** Which frontend: ours in process (default), the daemon's `dockerfile.v0`, or an image as `gateway.v0`. */
  frontend?: 'inprocess' | 'dockerfile.v0';
  frontendImage?: string;
  /** The syntax channel of the in-process frontend (default stable; labs: docs/labs.md). */
  channel?: Channel;
  /** Each progress message from the daemon (Status). */
  onProgress?: (s: ctl.StatusResponse) => void;
  /** Called as context directories are sent. */
  onTransfer?: SessionOptions['onTransfer'];
  /** Cancels the build on the daemon. */
  signal?: AbortSignal;
  /** Where outputs written to standard output go (default process.stdout). */
  stdout?: NodeJS.WritableStream;
  /** Warnings of the client (a local cache import skipped, …). */
  onWarning?: (msg: string) => void;
  /** Environment for `env=` secrets, SSH_AUTH_SOCK (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  /** The exporter response, as `--metadata-file` writes it (base64 JSON values decoded). */
  metadata: Record<string, unknown>;
  exporterResponse: Record<string, string>;
  /** For `call` other than build: the frontend's answer (`result.txt` / `result.json` …). */
  callResult?: Record<string, string>;
}

const URL_CONTEXT = /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/;

/** A flag's value split as CSV fields; a malformed one is that flag's error. */
function csvFields(what: string, value: string): string[] {
  try {
    return splitCsvFields(value);
  } catch (e) {
    throw new BuildOptionError(`invalid ${what} "${value}": ${(e as Error).message}`);
  }
}

function csvAttrs(what: string, value: string, fields = csvFields(what, value)): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const eq = f.indexOf('=');
    if (eq < 0) throw new BuildOptionError(`invalid ${what} "${value}": invalid value ${f}`);
    out[f.slice(0, eq).toLowerCase()] = f.slice(eq + 1);
  }
  return out;
}

/**
 * `--secret`, as buildctl's secretsprovider takes it (file or environment
 * variable): a file is checked now (it must exist and hold at most 500 KB)
 * and read each time the daemon asks for the secret, so a secret no RUN
 * mounts is never read (a `src=/dev/zero` would otherwise never finish).
 */
export function parseSecret(value: string, env: NodeJS.ProcessEnv): [string, SecretSource] {
  const a = csvAttrs('--secret', value);
  let id = '';
  let file: string | undefined;
  let envName: string | undefined;
  let type: string | undefined;
  for (const [k, v] of Object.entries(a)) {
    if (k === 'type') {
      if (v !== 'file' && v !== 'env') throw new BuildOptionError(`--secret: unsupported secret type "${v}"`);
      type = v;
    } else if (k === 'id') id = v;
    else if (k === 'src' || k === 'source') file = v;
    else if (k === 'env') envName = v;
    else throw new BuildOptionError(`--secret: unexpected key '${k}' in '${k}=${v}'`);
  }
  if (type === 'env' && envName === undefined) {
    envName = file;
    file = undefined;
  }
  if (id === '') throw new BuildOptionError(`--secret "${value}": secret missing ID`);
  if (envName === undefined && file === undefined) {
    if (env[id] !== undefined) envName = id;
    else file = id;
  }
  if (envName !== undefined) {
    const name = envName;
    return [id, () => Buffer.from(env[name] ?? '')];
  }
  const path = file!;
  try {
    if (statSync(path).size > 500 * 1024) throw new BuildOptionError(`--secret: secret ${id} too big. max size 500KB`);
    return [id, () => readSecretFile(path)];
  } catch (e) {
    if (e instanceof BuildOptionError) throw e;
    throw new BuildOptionError(`--secret: failed to stat ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
}

/** A secret's file, read as os.ReadFile reads it: its error names the path (Node.js leaves it out of a directory's EISDIR). */
function readSecretFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    err.path ??= path;
    throw err;
  }
}

/**
 * `--ssh ID[=PATH[,PATH...]]`, as buildctl's sshprovider reads it: one agent
 * socket, or private key files served as an agent by this process (`default`
 * alone is $SSH_AUTH_SOCK).
 */
export function parseSSH(value: string, env: NodeJS.ProcessEnv): [string, SSHAgent] {
  const eq = value.indexOf('=');
  const id = eq < 0 ? value : value.slice(0, eq);
  const paths = eq < 0 ? [] : value.slice(eq + 1).split(',').filter((p) => p !== '');
  if (id === '') throw new BuildOptionError(`--ssh "${value}": invalid empty ID`);
  if (paths.length === 0) {
    const sock = env.SSH_AUTH_SOCK ?? '';
    if (sock === '') throw new BuildOptionError(`--ssh ${id}: invalid empty ssh agent socket: make sure SSH_AUTH_SOCK is set`);
    paths.push(sock);
  }
  let socket: string | undefined;
  const keys: AgentKey[] = [];
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      throw new BuildOptionError(`--ssh ${id}: failed to stat ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
    if (st.isSocket()) {
      if (socket !== undefined) throw new BuildOptionError(`--ssh ${id}: only single socket allowed`);
      socket = path;
      continue;
    }
    let data: Buffer;
    try {
      // As Go's provider: at most 100 KiB of the file is read.
      data = readFileSync(path).subarray(0, 100 * 1024);
    } catch (e) {
      throw new BuildOptionError(`--ssh ${id}: failed to read ${path}: ${(e as Error).message}`);
    }
    try {
      keys.push(agentKey(parsePrivateKey(data)));
    } catch (e) {
      throw new BuildOptionError(`--ssh ${id}: failed to parse ${path}: ${(e as Error).message}`);
    }
  }
  if (socket !== undefined && keys.length > 0) throw new BuildOptionError(`--ssh ${id}: invalid combination of keys and sockets`);
  return [id, socket !== undefined ? { socket } : { keys }];
}

interface Outputs {
  exports: ExportEntry[];
  targets: Map<number, { dir: string } | { file: FileOutput; name?: string }>;
  /** An OCI layout directory (`oci`/`docker` with tar=false): the session's `export` content store. */
  layout?: LocalStore;
}

/** An `--output` value's attributes: a bare path is a local output, `-` a tar to standard output. */
function outputAttrs(spec: string): Record<string, string> {
  if (spec.includes('=')) return csvAttrs('--output', spec);
  return spec === '-' ? { type: 'tar', dest: '-' } : { type: 'local', dest: spec };
}

/** The exporter type an `--output` value names; '' when it names none or cannot be read (parseOutputs says why). */
export function outputType(spec: string): string {
  try {
    return outputAttrs(spec).type ?? '';
  } catch {
    return '';
  }
}

/** `--output` values and `-t`/`--push`, as buildctl and buildx read them. */
export function parseOutputs(outputs: string[], rawTags: string[], push: boolean, stdout: NodeJS.WritableStream): Outputs {
  // buildx: each tag parsed as a reference (not normalized), its error named.
  const tags = rawTags.map((tag) => {
    try {
      return parseReference(tag).toString();
    } catch (e) {
      throw new BuildOptionError(`invalid tag ${goQuote(tag)}: ${(e as Error).message}`);
    }
  });
  const exports: ExportEntry[] = [];
  const targets = new Map<number, { dir: string } | { file: FileOutput; name?: string }>();
  let layout: LocalStore | undefined;
  const toStdout: FileOutput = () => stdout;
  for (const o of outputs) {
    const attrs = outputAttrs(o);
    let type = attrs.type ?? '';
    delete attrs.type;
    if (type === '') throw new BuildOptionError('--output requires type=<type>');
    if (attrs.output !== undefined) throw new BuildOptionError(`output=${attrs.output} not supported for --output, you meant dest=${attrs.output}?`);
    if (type === 'registry') {
      type = 'image';
      attrs.push = 'true';
    }
    const id = exports.length;
    const dest = attrs.dest;
    const tarOut = type === 'tar' || ((type === 'oci' || type === 'docker') && attrs.tar !== 'false');
    if (type === 'local') {
      if (dest === undefined || dest === '') throw new BuildOptionError('output directory is required for local exporter');
      // buildx's checks (a directory named "-" was made; a file there failed in the session's mkdir).
      if (dest === '-') throw new BuildOptionError('dest cannot be stdout for local exporter');
      if (existsSync(dest) && !statSync(dest).isDirectory()) throw new BuildOptionError(`destination directory ${dest} is a file`);
      targets.set(id, { dir: resolve(dest) });
      delete attrs.dest;
    } else if (tarOut) {
      if (dest !== undefined && dest !== '-') {
        if (existsSync(dest) && statSync(dest).isDirectory()) throw new BuildOptionError('invalid output option: output: destination file is a directory');
        // Made now, as buildctl makes it before the build: a path that cannot be written is an error at once.
        let fd: number;
        try {
          fd = openSync(dest, 'w', 0o666);
        } catch (e) {
          throw new BuildOptionError(`invalid output option: output: ${goFsError(e)}`);
        }
        targets.set(id, { file: () => createWriteStream('', { fd }), name: dest });
      } else {
        if ((stdout as NodeJS.WriteStream).isTTY === true) throw new BuildOptionError(`output file is required for ${type} exporter. refusing to write to console`);
        // One stream cannot take two archives (the second waited forever for the first's end).
        if ([...targets.values()].some((t) => 'file' in t && t.file === toStdout)) throw new BuildOptionError('multiple outputs configured to write to stdout');
        targets.set(id, { file: toStdout });
      }
      delete attrs.dest;
    } else if (type === 'oci' || type === 'docker') {
      if (dest === undefined || dest === '') throw new BuildOptionError(`output directory is required for ${type} exporter`);
      if (layout !== undefined) throw new BuildOptionError('oci store key "export" already exists');
      try {
        mkdirAll(dest);
      } catch (e) {
        throw new BuildOptionError(`invalid output option: output: ${goFsError(e)}`);
      }
      layout = new LocalStore(resolve(dest));
      delete attrs.dest;
    } else if (dest !== undefined) {
      throw new BuildOptionError(`output ${dest} is not supported by ${type} exporter`);
    }
    // buildx: the tags name every image, oci and docker export (over a name= of its own).
    if ((type === 'image' || type === 'oci' || type === 'docker') && tags.length > 0) attrs.name = tags.join(',');
    if (type === 'image' && push) attrs.push = 'true';
    exports.push({ type, attrs });
  }
  // --push alone is --output type=registry; -t alone an image export.
  if (outputs.length === 0 && (tags.length > 0 || push)) {
    const attrs: Record<string, string> = tags.length > 0 ? { name: tags.join(',') } : {};
    if (push) attrs.push = 'true';
    exports.push({ type: 'image', attrs });
  }
  if (tags.length === 0 && exports.some((e) => e.type === 'image' && (e.attrs.name ?? '') === '' && parseGoBool(e.attrs.push ?? '') === true)) {
    throw new BuildOptionError('tag is needed when pushing to registry');
  }
  return { exports, targets, layout };
}

interface CacheOptions {
  /** Local cache stores the session serves, by ID (`local:DIR`). */
  stores: Map<string, LocalStore>;
  /** Export directories whose index.json gets the cache manifest, with its tag. */
  update: Map<string, string>;
  warnings: string[];
  /** Where gha and s3 credentials are read from. */
  env: NodeJS.ProcessEnv;
}

/**
 * A gha cache's token and URLs from GitHub Actions' environment where not
 * given, as buildx fills them in (ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_URL,
 * ACTIONS_RESULTS_URL; url_v2 with ACTIONS_CACHE_SERVICE_V2). False when
 * there is no token or URL: buildx then leaves the cache out.
 */
function githubCacheAttrs(attrs: Record<string, string>, env: NodeJS.ProcessEnv): boolean {
  let version = attrs.version;
  if (version === undefined && parseGoBool(env.ACTIONS_CACHE_SERVICE_V2 ?? '') === true) version = '2';
  if (attrs.token === undefined && env.ACTIONS_RUNTIME_TOKEN !== undefined) attrs.token = env.ACTIONS_RUNTIME_TOKEN;
  if (attrs.url_v2 === undefined && version === '2' && env.ACTIONS_RESULTS_URL !== undefined) attrs.url_v2 = env.ACTIONS_RESULTS_URL;
  if (attrs.url === undefined) {
    const url = env.ACTIONS_CACHE_URL ?? env.ACTIONS_RESULTS_URL;
    if (url !== undefined) attrs.url = url;
  }
  return (attrs.token ?? '') !== '' && ((attrs.url ?? '') !== '' || (attrs.url_v2 ?? '') !== '');
}

/** An s3 cache's credentials from the AWS environment variables where not given (buildx reads AWS's default chain; its environment part). */
function awsCacheAttrs(attrs: Record<string, string>, env: NodeJS.ProcessEnv): void {
  if (attrs.access_key_id !== undefined && attrs.secret_access_key !== undefined) return;
  const id = env.AWS_ACCESS_KEY_ID ?? '';
  const secret = env.AWS_SECRET_ACCESS_KEY ?? '';
  if (id === '' || secret === '') return;
  if (attrs.access_key_id === undefined) attrs.access_key_id = id;
  if (attrs.secret_access_key === undefined) attrs.secret_access_key = secret;
  if (attrs.session_token === undefined && (env.AWS_SESSION_TOKEN ?? '') !== '') attrs.session_token = env.AWS_SESSION_TOKEN!;
}

/** The cache imports or exports `--cache-from` / `--cache-to` values give (for tests: no local directory is touched for an import). */
export function cacheEntries(values: string[], isExport: boolean, env: NodeJS.ProcessEnv): CacheEntry[] {
  return parseCache(values, isExport, { stores: new Map(), update: new Map(), warnings: [], env });
}

/** `--cache-from` / `--cache-to`, as buildx reads them and Go's client passes them on (local directories served on the session). */
function parseCache(values: string[] | undefined, isExport: boolean, into: CacheOptions): CacheEntry[] {
  const out: CacheEntry[] = [];
  const flag = isExport ? '--cache-to' : '--cache-from';
  for (const v of values ?? []) {
    const fields = csvFields(flag, v);
    // As buildx: fields without `=` are each a registry reference.
    if (fields.every((f) => !f.includes('='))) {
      for (const ref of fields) out.push({ type: 'registry', attrs: { ref } });
      continue;
    }
    const attrs = csvAttrs(flag, v, fields);
    const type = attrs.type ?? '';
    if (type === '') throw new BuildOptionError(`type required form> ${goQuote(v)}`);
    delete attrs.type;
    if (type === 'gha' && !githubCacheAttrs(attrs, into.env)) continue;
    if (type === 's3') awsCacheAttrs(attrs, into.env);
    if (type === 'registry' && (attrs.ref ?? '') === '') throw new BuildOptionError(`registry cache ${isExport ? 'exporter' : 'importer'} requires ref`);
    if (type === 'local' && isExport) {
      const dest = attrs.dest ?? '';
      if (dest === '') throw new BuildOptionError('local cache exporter requires dest');
      try {
        mkdirAll(dest);
      } catch (e) {
        throw new BuildOptionError(`failed to create cache directory ${dest}: ${goFsError(e)}`);
      }
      into.stores.set(`local:${dest}`, new LocalStore(dest));
      into.update.set(dest, attrs.tag ?? 'latest');
    } else if (type === 'local') {
      const src = attrs.src ?? '';
      if (src === '') throw new BuildOptionError('local cache importer requires src');
      if (attrs.digest === undefined) {
        const tag = attrs.tag ?? 'latest';
        let desc;
        try {
          desc = indexGet(src, tag);
        } catch (e) {
          into.warnings.push(`local cache import at ${src} skipped due to err: ${(e as Error).message}`);
          continue;
        }
        if (desc === undefined) {
          into.warnings.push(`local cache import at ${src} skipped: no digest found for tag ${tag}`);
          continue;
        }
        attrs.digest = desc.digest;
      }
      const store = new LocalStore(src);
      if (!store.has(attrs.digest)) {
        into.warnings.push(`local cache import at ${src} skipped: digest ${attrs.digest} unavailable`);
        continue;
      }
      into.stores.set(`local:${src}`, store);
    }
    out.push({ type, attrs });
  }
  return out;
}

/** A directory with `dockerfile` and no `Dockerfile`: the lower-case name is the Dockerfile (moby/moby#10858, as buildx handles it). */
function lowercaseDockerfile(dir: string, name: string): string {
  if (name !== 'Dockerfile') return name;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return name;
  }
  return !names.includes('Dockerfile') && names.includes('dockerfile') ? 'dockerfile' : name;
}

/**
 * PATH[:TAG][@DIGEST] of an `oci-layout://` build context, split as buildx
 * splits it: at the last `@` when a digest follows, then at the last `:`
 * when a tag follows (both patterns unanchored, as buildx matches them);
 * the tag defaults to latest.
 */
export function parseOCILayoutPath(s: string): { path: string; digest?: string; tag: string } {
  let path = s;
  let digest: string | undefined;
  let tag = '';
  const at = path.lastIndexOf('@');
  if (at >= 0 && containsDigest(path.slice(at + 1))) [path, digest] = [path.slice(0, at), path.slice(at + 1)];
  const colon = path.lastIndexOf(':');
  if (colon >= 0 && /\w/.test(path.slice(colon + 1))) [path, tag] = [path.slice(0, colon), path.slice(colon + 1)];
  return { path, digest, tag: tag === '' ? 'latest' : tag };
}

/** The digest an OCI layout's index.json gives a tag, or its only manifest (buildx's resolveDigest over BuildKit's ociindex). */
function resolveLayoutDigest(ref: string, dir: string, tag: string): string {
  const fail = (why: string): never => {
    throw new BuildOptionError(`oci-layout reference ${goQuote(ref)} could not be resolved: ${why}`);
  };
  const file = posix.join(dir, 'index.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`could not read ${file}: ${goFsError(e)}`);
  }
  let idx: Index;
  try {
    idx = JSON.parse(text) as Index;
  } catch {
    return fail(`could not unmarshal ${file} (${goQuote(text)})`);
  }
  const manifests = Array.isArray(idx.manifests) ? idx.manifests : [];
  const desc = indexFind(idx, tag) ?? (manifests.length === 1 ? manifests[0] : undefined);
  if (desc === undefined) return fail('failed to resolve digest');
  const dig = String(desc.digest ?? '');
  const bad = validateDigest(dig);
  if (bad !== undefined) fail(`invalid digest ${dig}: ${bad}`);
  return dig;
}

/** `--add-host` values as buildx turns them into the add-hosts option: HOST=IP, an IP in brackets unwrapped, several IPs (commas) one entry each. */
function extraHosts(values: readonly string[]): string {
  const out: string[] = [];
  for (const h of values) {
    let cut = h.indexOf('=');
    if (cut < 0) cut = h.indexOf(':');
    const host = cut < 0 ? '' : h.slice(0, cut);
    const ips = cut < 0 ? '' : h.slice(cut + 1);
    if (host === '' || ips === '') throw new BuildOptionError(`invalid host ${h}`);
    // host-gateway is the Docker engine's address, which only its own driver knows.
    if (ips === 'host-gateway') throw new BuildOptionError('unable to derive the IP value for host-gateway: host-gateway is known only to a Docker engine');
    for (let ip of ips.split(',')) {
      if (ip.length > 2 && ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
      if (canonicalIP(ip) === undefined) throw new BuildOptionError(`invalid host ${h}`);
      out.push(`${host}=${ip}`);
    }
  }
  return out.join(',');
}

/**
 * `--attest` values as buildx reads them: CSV fields, `type` required,
 * `disabled` a boolean; the last of a type wins. Each enabled one becomes
 * the frontend option attest:TYPE with its other fields (what the frontend's
 * attestation parser reads); a disabled one none.
 */
export function attestations(values: readonly string[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const v of values) {
    if (v === '') continue;
    const fields = csvFields('--attest', v);
    let type = '';
    let disabled = false;
    const rest: string[] = [];
    for (const f of fields) {
      const eq = f.indexOf('=');
      if (eq < 0) throw new BuildOptionError(`invalid value ${f}`);
      const key = f.slice(0, eq).trim().toLowerCase();
      if (key === 'type') type = f.slice(eq + 1);
      else if (key === 'disabled') {
        const b = parseGoBool(f.slice(eq + 1));
        if (b === undefined) throw new BuildOptionError(`invalid value ${f}: strconv.ParseBool: parsing ${goQuote(f.slice(eq + 1))}: invalid syntax`);
        disabled = b;
      } else rest.push(f);
    }
    if (type === '') throw new BuildOptionError('attestation type not specified');
    out.delete(type);
    out.set(type, disabled ? undefined : rest.join(','));
  }
  return out;
}

/** `--sbom` / `--provenance` VALUE as an `--attest` value (buildx's CanonicalizeAttest). */
export function canonicalAttest(type: string, value: string): string {
  if (value === '') return '';
  const b = parseGoBool(value);
  return b !== undefined ? `type=${type},disabled=${!b}` : `type=${type},${value}`;
}

/** A type of `--annotation TYPES:KEY=VALUE`, with an optional [platform] (buildx's pattern). */
const ANNOTATION_TYPE = /^([a-z-]+)(?:\[([A-Za-z0-9_/-]+)\])?$/;

/**
 * `--annotation [TYPE[,TYPE...]:]KEY=VALUE` values as buildx turns them
 * into exporter attributes: `annotation.KEY`, or for each type
 * (index, index-descriptor, manifest, manifest-descriptor; a manifest
 * type with an optional [platform]) `annotation-TYPE[PLATFORM].KEY`.
 */
export function annotationAttrs(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const inp of values) {
    if (inp === '') continue;
    const eq = inp.indexOf('=');
    if (eq < 0) throw new BuildOptionError(`invalid annotation ${goQuote(inp)}, expected key=value`);
    const k = inp.slice(0, eq);
    const v = inp.slice(eq + 1);
    const colon = k.indexOf(':');
    if (colon < 0) {
      out[`annotation.${k}`] = v;
      continue;
    }
    const key = k.slice(colon + 1);
    for (const typeAndPlatform of k.slice(0, colon).split(',')) {
      const m = ANNOTATION_TYPE.exec(typeAndPlatform);
      if (m === null) throw new BuildOptionError(`invalid annotation type ${goQuote(typeAndPlatform)}, expected type and optional platform in square brackets`);
      const [, type, platform] = m;
      if (!['index', 'index-descriptor', 'manifest', 'manifest-descriptor'].includes(type!)) throw new BuildOptionError(`unknown annotation type ${goQuote(type!)}`);
      let prefix = `annotation-${type}`;
      if (platform !== undefined) {
        let p;
        try {
          p = parsePlatform(platform);
        } catch (e) {
          throw new BuildOptionError(`invalid platform ${goQuote(platform)}: ${(e as Error).message}`);
        }
        if (type!.startsWith('manifest')) prefix += `[${formatPlatformAll(p)}]`;
      }
      out[`${prefix}.${key}`] = v;
    }
  }
  return out;
}

/** The ulimit kinds Docker knows (go-units' names). */
const ULIMITS = new Set(['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack']);

/** `--ulimit NAME=SOFT[:HARD]` values checked as go-units parses them, the last of each name kept, written NAME=SOFT:HARD in name order. */
function ulimitsOf(values: readonly string[]): string {
  const byName = new Map<string, string>();
  for (const val of values) {
    const bad = (why: string): never => {
      throw new BuildOptionError(`invalid argument ${goQuote(val)} for "--ulimit" flag: ${why}`);
    };
    // strconv.ParseInt(v, 10, 64).
    const int = (v: string): bigint => {
      if (!/^[+-]?\d+$/.test(v)) return bad(`strconv.ParseInt: parsing ${goQuote(v)}: invalid syntax`);
      const n = BigInt(v);
      if (n > 9223372036854775807n || n < -9223372036854775808n) bad(`strconv.ParseInt: parsing ${goQuote(v)}: value out of range`);
      return n;
    };
    const eq = val.indexOf('=');
    if (eq < 0) bad(`invalid ulimit argument: ${val}`);
    const name = val.slice(0, eq);
    if (!ULIMITS.has(name)) bad(`invalid ulimit type: ${name}`);
    const limits = val.slice(eq + 1).split(':');
    if (limits.length > 2) bad(`too many limit value arguments - ${val.slice(eq + 1)}, can only have up to two, \`soft[:hard]\``);
    const hard = limits.length === 2 ? int(limits[1]!) : undefined;
    const soft = int(limits[0]!);
    const h = hard ?? soft;
    if (h !== -1n && soft > h) bad(`ulimit soft limit must be less than or equal to hard limit: ${soft} > ${h}`);
    byName.set(name, `${name}=${soft}:${h}`);
  }
  return [...byName.keys()].sort().map((n) => byName.get(n)!).join(',');
}

/**
 * A `--platform` as buildx sends it: parsed (`local` is this machine's),
 * normalized and written as containerd's platforms.FormatAll writes it; one
 * that does not parse (an empty one among them) fails the build at once.
 */
function buildxPlatform(p: string): string {
  if (p.toLowerCase() === 'local') return formatPlatformAll(normalizePlatform(hostPlatform()));
  try {
    return formatPlatformAll(normalizePlatform(parsePlatform(p)));
  } catch (e) {
    if (e instanceof PlatformError) throw new BuildOptionError(e.message);
    throw e;
  }
}

/** The frontend options of a build, as buildx sets them from its flags. */
export function frontendAttrs(o: BuildOptions, dockerfileName: string, contextURL: string | undefined): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (dockerfileName !== 'Dockerfile' || o.file !== undefined) attrs.filename = dockerfileName;
  if (contextURL !== undefined) attrs.context = contextURL;
  if (o.target !== undefined && o.target !== '') attrs.target = o.target;
  if (o.platforms !== undefined && o.platforms.length > 0) attrs.platform = o.platforms.map(buildxPlatform).join(',');
  if (o.pull === true) attrs['image-resolve-mode'] = 'pull';
  if (o.noCacheFilter !== undefined && o.noCacheFilter.length > 0) attrs['no-cache'] = o.noCacheFilter.join(',');
  if (o.noCache === true) attrs['no-cache'] = '';
  for (const [k, v] of Object.entries(o.buildArgs ?? {})) attrs[`build-arg:${k}`] = v;
  for (const [k, v] of Object.entries(o.labels ?? {})) attrs[`label:${k}`] = v;
  // As buildx: the client's SOURCE_DATE_EPOCH, unless a build arg sets it.
  const epoch = (o.env ?? process.env).SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '' && attrs['build-arg:SOURCE_DATE_EPOCH'] === undefined) attrs['build-arg:SOURCE_DATE_EPOCH'] = epoch;
  const network = o.network ?? '';
  if (network === 'host' || network === 'none') attrs['force-network-mode'] = network;
  else if (network !== '' && network !== 'default') throw new BuildOptionError(`network mode ${goQuote(network)} not supported by buildkit`);
  const hosts = extraHosts(o.addHosts ?? []);
  if (hosts !== '') attrs['add-hosts'] = hosts;
  if (o.shmSize !== undefined) {
    const size = ramInBytes(o.shmSize);
    if (size === undefined) throw new BuildOptionError(`invalid argument ${goQuote(o.shmSize)} for "--shm-size" flag: invalid size: '${o.shmSize}'`);
    if (size > 0) attrs['shm-size'] = String(size);
  }
  const ulimits = ulimitsOf(o.ulimits ?? []);
  if (ulimits !== '') attrs.ulimit = ulimits;
  for (const [type, value] of attestations(o.attests ?? [])) if (value !== undefined) attrs[`attest:${type}`] = value;
  if (o.call !== undefined && o.call !== 'build') {
    attrs.requestid = `frontend.${o.call === 'check' ? 'lint' : o.call}`;
    attrs['frontend.caps'] = 'moby.buildkit.frontend.subrequests';
  }
  for (const [k, v] of Object.entries(o.opts ?? {})) attrs[k] = v;
  return attrs;
}

/** The exporter response as `--metadata-file` holds it: values that are base64 JSON objects decoded (buildctl's writeMetadataFile). */
export function metadataOf(resp: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(resp)) out[k] = jsonObjectOf(v)?.value ?? v;
  return out;
}

/**
 * The `--metadata-file` text, byte for byte as buildctl's writeMetadataFile
 * writes it: json.MarshalIndent of a map (keys in Go's order), each value
 * that is base64 of a non-empty JSON object written as that JSON
 * (json.RawMessage: its keys in their order, its numbers as written), any
 * other value as its string.
 */
export function metadataFileText(resp: Record<string, string>): string {
  const keys = Object.keys(resp).sort(compareUtf8);
  if (keys.length === 0) return '{}';
  const members = keys.map((k) => {
    const raw = jsonObjectOf(resp[k]!)?.text;
    return `  ${goQuoteJSON(k)}: ${raw === undefined ? goQuoteJSON(resp[k]!) : goIndentRaw(raw, 1)}`;
  });
  return `{\n${members.join(',\n')}\n}`;
}

/** The JSON object a value holds, with its text, when it is standard base64 (line breaks ignored, as Go's decoder ignores them) of a non-empty JSON object. */
function jsonObjectOf(v: string): { text: string; value: object } | undefined {
  const b64 = v.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return undefined;
  const text = Buffer.from(b64, 'base64').toString();
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) return { text, value };
  } catch {
    /* not JSON */
  }
  return undefined;
}

/** Connects to the daemon (BUILDKIT_HOST or the default socket unless `address` is given). */
export async function connect(opts: ConnectOptions = {}): Promise<Connection> {
  // connect('tcp://host:1234') would otherwise reach the default daemon instead.
  if (typeof opts === 'string') throw argumentError('connect', 'the options', `an object ({ address: ${JSON.stringify(opts)} } names an address)`, opts);
  checkOptions('connect', opts);
  return Connection.open(opts);
}

/**
 * The session's shared key: this host and the context directory (or the
 * Dockerfile's when the context is remote). The daemon keeps one synced copy
 * of each local directory per (name, frontend hint, shared key) and sends
 * only what changed since; with the empty key (buildctl's) every build of
 * every directory shares one copy, so a build of another directory in
 * between (or at the same time) makes the next transfer a full one. The
 * daemon's own comment asks clients for "absolute-path+nodeid".
 */
function sessionSharedKey(dirs: ReadonlyMap<string, { path: string }>): string {
  const dir = dirs.get('context') ?? dirs.get('dockerfile');
  if (dir === undefined) return '';
  return createHash('sha256').update(`${hostname()}\0${dir.path}`).digest('hex').slice(0, 32);
}

/** Builds a Dockerfile on the daemon behind `conn`. */
export async function build(conn: Connection, o: BuildOptions = {}): Promise<BuildResult> {
  if (!(conn instanceof Connection)) throw argumentError('build', 'the connection', 'a Connection (from connect())', conn);
  checkOptions('build', o);
  const env = o.env ?? process.env;
  // A context archive: the daemon pulls it from this session by the ID in its URL.
  const uploads = new Map<string, Uint8Array>();
  let contextArg = o.context ?? '.';
  if (o.contextArchive !== undefined) {
    const id = newID();
    uploads.set(id, o.contextArchive);
    contextArg = `http://buildkit-session/${id}`;
  }
  const remote = o.contextArchive !== undefined || URL_CONTEXT.test(contextArg);
  const dirs = new Map<string, { path: string }>();
  let dockerfileName = 'Dockerfile';
  if (!remote) {
    const ctx = resolve(contextArg);
    if (!existsSync(ctx)) throw new BuildOptionError(`unable to prepare context: path "${contextArg}" not found`);
    if (!statSync(ctx).isDirectory()) throw new BuildOptionError(`unable to prepare context: path "${contextArg}" is not a directory`);
    dirs.set('context', { path: ctx });
  }
  // As buildx: with a remote context, a relative -f names a file in it, an absolute one a local file (dockerfilekey
  // makes the frontend read it from the local directory instead of the remote context).
  let localDockerfileOfRemote = false;
  if (remote && o.file !== undefined && !isAbsolute(o.file)) {
    dockerfileName = o.file;
  } else if (o.file !== undefined || !remote) {
    const file = resolve(o.file ?? resolve(contextArg, 'Dockerfile'));
    dockerfileName = lowercaseDockerfile(dirname(file), basename(file));
    if (o.file !== undefined && !existsSync(join(dirname(file), dockerfileName))) throw new BuildOptionError(`unable to prepare context: the Dockerfile ${o.file} was not found`);
    dirs.set('dockerfile', { path: dirname(file) });
    localDockerfileOfRemote = remote;
  }
  const attrs = frontendAttrs(o, dockerfileName, remote ? contextArg : undefined);
  if (localDockerfileOfRemote) attrs.dockerfilekey = 'dockerfile';
  // The content stores the session serves: OCI layout contexts, local cache directories, an OCI layout output.
  const cache: CacheOptions = { stores: new Map(), update: new Map(), warnings: [], env };
  for (const [name, value] of Object.entries(o.buildContexts ?? {})) {
    if (URL_CONTEXT.test(value) || value.startsWith('docker-image://') || value.startsWith('target:')) {
      attrs[`context:${name}`] = value;
    } else if (value.startsWith('oci-layout://')) {
      // An OCI layout directory the daemon reads through this session's content store (buildx's handling).
      const { path, digest, tag } = parseOCILayoutPath(value.slice('oci-layout://'.length));
      const dig = digest ?? resolveLayoutDigest(value, path, tag);
      try {
        mkdirAll(join(path, 'ingest'));
      } catch (e) {
        throw new BuildOptionError(`invalid store at ${path}: ${goFsError(e)}`);
      }
      const store = newID();
      cache.stores.set(`oci:${store}`, new LocalStore(resolve(path)));
      attrs[`context:${name}`] = `oci-layout://${store}:${tag}@${dig}`;
    } else {
      const p = resolve(value);
      if (!existsSync(p) || !statSync(p).isDirectory()) throw new BuildOptionError(`--build-context ${name}: ${value} is not a directory`);
      // As buildx names it: a context named context or dockerfile would take the build's own directory's name.
      const local = name === 'context' || name === 'dockerfile' ? `_${name}` : name;
      dirs.set(local, { path: p });
      attrs[`context:${name}`] = `local:${local}`;
    }
  }
  const secrets = new Map<string, SecretSource>();
  for (const s of o.secrets ?? []) {
    const [id, data] = parseSecret(s, env);
    secrets.set(id, data);
  }
  const ssh = new Map<string, SSHAgent>();
  for (const s of o.ssh ?? []) {
    const [id, agent] = parseSSH(s, env);
    if (ssh.has(id)) throw new BuildOptionError(`--ssh: duplicate agent ID "${id}"`);
    ssh.set(id, agent);
  }
  const { exports, targets, layout } = parseOutputs(o.outputs ?? [], o.tags ?? [], o.push === true, o.stdout ?? process.stdout);
  // As buildx: every export gets the annotations.
  const annotations = annotationAttrs(o.annotations ?? []);
  for (const e of exports) Object.assign(e.attrs, annotations);
  const call = o.call !== undefined && o.call !== 'build';
  let frontend: FrontendChoice = { kind: 'inprocess' };
  if (o.frontendImage !== undefined) frontend = { kind: 'image', ref: o.frontendImage };
  else if (o.frontend === 'dockerfile.v0') frontend = { kind: 'builtin', name: 'dockerfile.v0' };
  if (o.channel !== undefined && frontend.kind !== 'inprocess') {
    throw new BuildOptionError(`--channel ${o.channel}: the channel is the in-process frontend's (an image carries its own; dockerfile.v0 is upstream's stable)`);
  }

  const cacheImports = parseCache(o.cacheFrom, false, cache);
  const cacheExports = call ? [] : parseCache(o.cacheTo, true, cache);
  for (const w of cache.warnings) o.onWarning?.(w);
  if (layout !== undefined) cache.stores.set('export', layout);
  const solving = solve(conn, {
    frontend,
    channel: o.channel,
    frontendAttrs: attrs,
    entitlements: [...new Set([...(o.allow ?? []), ...(o.network === 'host' ? ['network.host'] : [])])],
    exports: call ? [] : exports,
    cacheImports,
    cacheExports,
    session: { dirs, outputs: targets, secrets, ssh, uploads, contentStores: cache.stores, sharedKey: sessionSharedKey(dirs), onTransfer: o.onTransfer },
    onStatus: o.onProgress,
    signal: o.signal,
  });
  // The extended attributes' module (a native addon, ~1 ms to load) is loaded while the daemon
  // starts the build, before its first directory transfer asks for it.
  if (dirs.size > 0) {
    setImmediate(() => {
      if (xattrs() === null) o.onWarning?.('extended attributes of local directories are not sent: the module @napi-rs/xattr could not be loaded');
    });
  }
  const res = await solving;
  // The exported cache's manifest, tagged in each local cache directory.
  const manifest = res.exporterResponse['cache.manifest'];
  if (manifest !== undefined && manifest !== '') {
    const desc = JSON.parse(manifest) as { digest: string; size: number };
    for (const [dir, tag] of cache.update) indexPut(dir, desc, tag);
  }
  // An OCI layout output: the image named in its index.json (as Go's client does after the solve).
  const imageDesc = res.exporterResponse['containerimage.descriptor'];
  if (layout !== undefined && imageDesc !== undefined && imageDesc !== '') {
    const desc = JSON.parse(Buffer.from(imageDesc, 'base64').toString()) as { digest: string; size: number };
    const names = res.exporterResponse['image.name'];
    if (names !== undefined) for (const n of names.split(',')) indexPut(layout.dir, desc, n, false);
    else indexPut(layout.dir, desc, 'latest');
  }
  const out: BuildResult = { metadata: metadataOf(res.exporterResponse), exporterResponse: res.exporterResponse };
  if (call) {
    out.callResult = {};
    for (const [k, v] of Object.entries(res.resultMetadata)) out.callResult[k] = Buffer.from(v).toString();
  }
  return out;
}
