// The end-to-end test harness: a real buildkitd (BuildKit v0.32.2, built by
// scripts/e2e/build-buildkit.sh) and a real registry on localhost:5000, started
// by scripts/e2e/start.sh and stopped when no test process uses them any more.
//
//   const env = await ensureBuildkit();          // once per process; later calls reuse it
//   const r = await buildctl(['build', ...]);    // runs .cache/bin/buildctl against it
//   const cfg = await imageConfig('localhost:5000/e2e/x:1');
//   after(() => releaseBuildkit());              // or leave it to process exit
//
// With BUILDKIT_HOST and E2E_REGISTRY set (eval "$(bash scripts/e2e/start.sh)"),
// the harness uses that environment and never stops it. Otherwise it builds the
// binaries if needed, starts the environment, publishes the base images and,
// when the process ends, stops what it started unless another process still
// uses it. In CI (CI=true) nothing is skipped: a set-up failure fails the test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { TestContext } from 'node:test';
import { tempDir } from '../tmp.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binDir = join(repoRoot, '.cache', 'bin');
const scriptsDir = join(repoRoot, 'scripts', 'e2e');

/** The image of upstream's Dockerfile frontend, published by publish-base-images.sh. */
export const UPSTREAM_FRONTEND = 'localhost:5000/upstream/dockerfile:v0.32.2';
/** Upstream's frontend built with its labs release's tags (publish-base-images.sh). */
export const UPSTREAM_LABS_FRONTEND = 'localhost:5000/upstream/dockerfile:v0.32.2-labs';
/** The Node.js runtime image (busybox + this machine's node and its libraries). */
export const NODE_RUNTIME = 'localhost:5000/library/node-runtime:20';
/** The busybox image; `FROM busybox` resolves to it through the docker.io mirror. */
export const BUSYBOX = 'localhost:5000/library/busybox:latest';

export interface Env {
  /** buildctl's --addr, e.g. unix:///…/buildkitd.sock */
  buildkitHost: string;
  /** the registry as image references name it: localhost:5000 */
  registry: string;
  /** the registry's HTTP base URL */
  registryUrl: string;
  /** the state directory of the scripts */
  dir: string;
  /** true when this process started (and so will release) the environment */
  owned: boolean;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Standard error as written (stderr decodes it as UTF-8). */
  stderrBytes: Buffer;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** written to the process's standard input */
  input?: string | Buffer;
  /** default 300 000 ms; the process is killed after it */
  timeoutMs?: number;
}

export const inCI = process.env.CI === 'true' || process.env.CI === '1';

/** Runs a program and collects its output; never throws for a non-zero exit. */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? repoRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stderrBytes: Buffer.concat(err),
      });
    });
    child.stdin.on('error', () => {}); // a program that does not read its input
    child.stdin.end(opts.input ?? '');
  });
}

let current: Promise<Env> | undefined;
/** set while this process is registered as a user of the scripts' environment */
let registered = false;

/** Starts (or finds) the environment once per process. */
export function ensureBuildkit(): Promise<Env> {
  current ??= setUp();
  return current;
}

async function script(name: string, args: readonly string[] = [], timeoutMs = 600_000): Promise<string> {
  const r = await run('bash', [join(scriptsDir, name), ...args], { timeoutMs });
  if (r.code !== 0) {
    throw new Error(`scripts/e2e/${name} failed (exit ${r.code ?? r.signal}):\n${r.stderr}${r.stdout}`);
  }
  return r.stdout;
}

async function setUp(): Promise<Env> {
  const host = process.env.BUILDKIT_HOST;
  const registry = process.env.E2E_REGISTRY;
  if (host && registry) {
    const env: Env = {
      buildkitHost: host,
      registry,
      registryUrl: registryUrl(registry),
      dir: process.env.E2E_DIR ?? join(repoRoot, '.cache', 'e2e'),
      owned: false,
    };
    const r = await run(join(binDir, 'buildctl'), ['--addr', host, 'debug', 'workers'], { timeoutMs: 30_000 });
    if (r.code !== 0) throw new Error(`buildkitd at ${host} (BUILDKIT_HOST) does not answer: ${r.stderr}`);
    return env;
  }
  await script('build-buildkit.sh');
  // Registered as a user from here on, so release it even if a later step fails.
  registered = true;
  process.once('exit', releaseSync);
  process.once('SIGINT', releaseOnSignal);
  process.once('SIGTERM', releaseOnSignal);
  const out = await script('start.sh', ['--user', String(process.pid)], 120_000);
  const vars = parseEnv(out);
  const env: Env = {
    buildkitHost: need(vars, 'BUILDKIT_HOST'),
    registry: need(vars, 'E2E_REGISTRY'),
    registryUrl: registryUrl(need(vars, 'E2E_REGISTRY')),
    dir: need(vars, 'E2E_DIR'),
    owned: true,
  };
  await script('publish-base-images.sh');
  return env;
}

function parseEnv(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(?:export )?([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

function need(vars: Map<string, string>, key: string): string {
  const v = vars.get(key);
  if (v === undefined) throw new Error(`scripts/e2e/start.sh printed no ${key}`);
  return v;
}

function registryUrl(registry: string): string {
  // Node's fetch may try ::1 for "localhost"; the registry listens on 127.0.0.1.
  return `http://${registry.replace(/^localhost(?=:|$)/, '127.0.0.1')}`;
}

function releaseSync(): void {
  spawnSync('bash', [join(scriptsDir, 'stop.sh'), '--user', String(process.pid)], { stdio: 'ignore' });
}

function releaseOnSignal(signal: NodeJS.Signals): void {
  removeHandlers();
  releaseSync();
  process.kill(process.pid, signal); // the default action, now that no handler is left
}

function removeHandlers(): void {
  process.removeListener('exit', releaseSync);
  process.removeListener('SIGINT', releaseOnSignal);
  process.removeListener('SIGTERM', releaseOnSignal);
}

/**
 * Releases the environment this process started: stops buildkitd and the
 * registry unless another live process still uses them. Idempotent; also run
 * at process exit.
 */
export async function releaseBuildkit(): Promise<void> {
  if (current) await current.catch(() => undefined);
  current = undefined;
  if (!registered) return;
  registered = false;
  removeHandlers();
  await script('stop.sh', ['--user', String(process.pid)], 60_000);
}

/**
 * For a test that needs BuildKit: the environment, or, outside CI only, a
 * skipped test when it cannot be set up here (the reason is shown). In CI
 * the set-up error fails the test.
 */
export async function buildkitOrSkip(t: TestContext): Promise<Env | undefined> {
  try {
    return await ensureBuildkit();
  } catch (e) {
    if (inCI) throw e;
    t.skip(`BuildKit environment unavailable (not CI): ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/** Runs .cache/bin/buildctl against the environment (starting it if needed). */
export async function buildctl(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const env = await ensureBuildkit();
  return run(join(binDir, 'buildctl'), ['--addr', env.buildkitHost, ...args], opts);
}

export interface BuildOptions {
  /** the build context directory (also the Dockerfile's, unless dockerfileDir is given) */
  context: string;
  dockerfileDir?: string;
  /** 'dockerfile.v0' (the daemon's built-in frontend) or a frontend image for gateway.v0; default upstream's image */
  frontend?: string;
  /** frontend options (--opt key=value), e.g. { 'build-arg:X': '1', target: 'a', filename: 'x.Dockerfile' } */
  opts?: Record<string, string>;
  /** buildctl --output, e.g. type=image,name=…,push=true; none by default */
  output?: string;
  /** further buildctl build arguments */
  args?: readonly string[];
  run?: RunOptions;
  /** another daemon's address (default: the environment's buildkitd) */
  host?: string;
}

/** `buildctl build --progress=plain` of a Dockerfile; the result with its parsed steps. */
export async function build(o: BuildOptions): Promise<RunResult & { steps: Step[] }> {
  const frontend = o.frontend ?? UPSTREAM_FRONTEND;
  const args = ['build', '--progress=plain'];
  if (frontend === 'dockerfile.v0') args.push('--frontend', 'dockerfile.v0');
  else args.push('--frontend', 'gateway.v0', '--opt', `source=${frontend}`);
  for (const [k, v] of Object.entries(o.opts ?? {})) args.push('--opt', `${k}=${v}`);
  args.push('--local', `context=${o.context}`, '--local', `dockerfile=${o.dockerfileDir ?? o.context}`);
  if (o.output) args.push('--output', o.output);
  args.push(...(o.args ?? []));
  const r = o.host === undefined ? await buildctl(args, o.run) : await run(join(binDir, 'buildctl'), ['--addr', o.host, ...args], o.run);
  return { ...r, steps: parseProgress(r.stderr) };
}

/** Writes files (path → content) into a new temporary directory and returns it. */
export async function makeContext(files: Record<string, string | Buffer>): Promise<string> {
  const dir = tempDir('e2e-ctx-');
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, content);
  }
  return dir;
}

/** A fresh image reference in the local registry: localhost:5000/e2e/NAME:<unique tag>. */
export function uniqueRef(name: string): string {
  return `localhost:5000/e2e/${name}:t${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

// ---------------------------------------------------------------- progress

export interface Step {
  /** the vertex number in --progress=plain output (#N) */
  id: number;
  name: string;
  cached: boolean;
  done: boolean;
  error: string | undefined;
  /** the lines the step printed (its process output, with timestamps) */
  logs: string[];
}

/** Parses `--progress=plain` output into its steps, in the order first seen. */
export function parseProgress(text: string): Step[] {
  const steps = new Map<number, Step>();
  for (const line of text.split('\n')) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) continue;
    const id = Number(m[1]);
    const rest = m[2]!;
    let step = steps.get(id);
    if (!step) {
      step = { id, name: rest, cached: false, done: false, error: undefined, logs: [] };
      steps.set(id, step);
      continue;
    }
    if (rest === 'CACHED') step.cached = true;
    else if (/^DONE \d/.test(rest)) step.done = true;
    else if (rest.startsWith('ERROR')) step.error = rest;
    else step.logs.push(rest);
  }
  return [...steps.values()];
}

/** The Dockerfile instruction steps (`[stage n/m] INSTR …`), without [internal] ones. */
export function instructionSteps(steps: readonly Step[]): Step[] {
  return steps.filter((s) => /^\[(?!internal\])[^\]]*\] /.test(s.name));
}

// ---------------------------------------------------------------- registry

export interface ImageRef {
  /** registry host as in the reference, e.g. localhost:5000 */
  registry: string;
  /** repository path, e.g. library/busybox */
  repository: string;
  /** tag or digest (sha256:…) */
  reference: string;
}

export function parseRef(ref: string): ImageRef {
  const slash = ref.indexOf('/');
  if (slash < 0) throw new Error(`not a registry reference: ${ref}`);
  const registry = ref.slice(0, slash);
  let rest = ref.slice(slash + 1);
  let reference = 'latest';
  const at = rest.indexOf('@');
  if (at >= 0) {
    reference = rest.slice(at + 1);
    rest = rest.slice(0, at);
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      reference = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
  }
  return { registry, repository: rest, reference };
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations?: Record<string, string>;
}

export interface Index {
  schemaVersion: number;
  mediaType?: string;
  manifests: Descriptor[];
}

export interface ImageConfig {
  architecture: string;
  os: string;
  variant?: string;
  created?: string;
  config: {
    Env?: string[];
    Cmd?: string[];
    Entrypoint?: string[];
    WorkingDir?: string;
    User?: string;
    Labels?: Record<string, string>;
    ExposedPorts?: Record<string, object>;
    Volumes?: Record<string, object>;
    StopSignal?: string;
    Shell?: string[];
    Healthcheck?: Record<string, unknown>;
    OnBuild?: string[];
  };
  rootfs: { type: string; diff_ids: string[] };
  history?: { created?: string; created_by?: string; comment?: string; empty_layer?: boolean }[];
}

async function registryGet(ref: ImageRef, path: string, accept?: string): Promise<Response> {
  const url = `${registryUrl(ref.registry)}/v2/${ref.repository}/${path}`;
  const res = await fetch(url, accept ? { headers: { accept } } : {});
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** The raw manifest or index a reference names, with its digest and media type. */
export async function fetchManifest(ref: string): Promise<{ digest: string; mediaType: string; body: Manifest | Index }> {
  const r = parseRef(ref);
  const res = await registryGet(r, `manifests/${r.reference}`, MANIFEST_TYPES.join(', '));
  const body = (await res.json()) as Manifest | Index;
  return {
    digest: res.headers.get('docker-content-digest') ?? '',
    mediaType: res.headers.get('content-type') ?? body.mediaType ?? '',
    body,
  };
}

/** The image manifest for a platform (default linux/amd64), following an index. */
export async function imageManifest(ref: string, platform = 'linux/amd64'): Promise<Manifest> {
  const top = await fetchManifest(ref);
  if ('manifests' in top.body) {
    const [os, arch, variant] = platform.split('/');
    const d = top.body.manifests.find(
      (m) => m.platform?.os === os && m.platform.architecture === arch && (variant === undefined || m.platform.variant === variant),
    );
    if (!d) throw new Error(`${ref} has no manifest for ${platform}`);
    const r = parseRef(ref);
    return (await fetchManifest(`${r.registry}/${r.repository}@${d.digest}`)).body as Manifest;
  }
  return top.body;
}

/** A blob's bytes. */
export async function fetchBlob(ref: string, digest: string): Promise<Buffer> {
  const res = await registryGet(parseRef(ref), `blobs/${digest}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The image config (OCI/Docker image JSON) for a platform. */
export async function imageConfig(ref: string, platform?: string): Promise<ImageConfig> {
  const m = await imageManifest(ref, platform);
  return JSON.parse((await fetchBlob(ref, m.config.digest)).toString('utf8')) as ImageConfig;
}

/** The image's layer diff ids (rootfs.diff_ids of its config). */
export async function layerDiffIds(ref: string, platform?: string): Promise<string[]> {
  return (await imageConfig(ref, platform)).rootfs.diff_ids;
}

export interface TarEntry {
  name: string;
  /** tar type flag: '0' file, '2' symlink, '5' directory, … */
  type: string;
  mode: number;
  size: number;
  linkname: string;
  content: Buffer;
}

/** Reads an (optionally gzip-compressed) tar archive: ustar and PAX long names. */
export function readTar(data: Buffer): TarEntry[] {
  const buf = data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data;
  const entries: TarEntry[] = [];
  let off = 0;
  let paxPath: string | undefined;
  let gnuLong: string | undefined;
  const str = (b: Buffer) => {
    const z = b.indexOf(0);
    return b.subarray(0, z < 0 ? b.length : z).toString('utf8');
  };
  while (off + 512 <= buf.length) {
    const h = buf.subarray(off, off + 512);
    if (h.every((x) => x === 0)) break;
    const size = parseInt(str(h.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(h[156]!) || '0';
    const prefix = str(h.subarray(345, 500));
    let name = str(h.subarray(0, 100));
    if (prefix) name = `${prefix}/${name}`;
    const content = buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(content.toString('utf8'));
      paxPath = m?.[1];
      continue;
    }
    if (type === 'L') {
      gnuLong = str(content);
      continue;
    }
    if (type === 'g') continue;
    entries.push({
      name: paxPath ?? gnuLong ?? name,
      type: type === '\0' ? '0' : type,
      mode: parseInt(str(h.subarray(100, 108)).trim() || '0', 8),
      size,
      linkname: str(h.subarray(157, 257)),
      content: Buffer.from(content),
    });
    paxPath = undefined;
    gnuLong = undefined;
  }
  return entries;
}

/** The entries of each layer of an image, in order. */
export async function imageLayers(ref: string, platform?: string): Promise<TarEntry[][]> {
  const m = await imageManifest(ref, platform);
  const out: TarEntry[][] = [];
  for (const l of m.layers) out.push(readTar(await fetchBlob(ref, l.digest)));
  return out;
}
