// The image config the converter writes (Docker's DockerOCIImage), modelled
// field by field so it serializes exactly like Go's encoding/json does.

import { GoMap, goMarshal, type GoJSON } from '../../go/json.ts';
import { goUnmarshal } from '../../go/unmarshal.ts';
import { DOCKER_OCI_IMAGE } from './image-schema.ts';
import type { Platform } from './platform.ts';

export interface HealthConfig {
  Test?: string[];
  /** Durations in nanoseconds (a bigint beyond 2^53, as Go's int64 keeps them). */
  Interval?: number | bigint;
  Timeout?: number | bigint;
  StartPeriod?: number | bigint;
  StartInterval?: number | bigint;
  Retries?: number | bigint;
}

export interface ImageConfig {
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Env?: string[];
  Entrypoint?: string[];
  Cmd?: string[];
  Volumes?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: string[];
  Shell?: string[];
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface Image {
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  'os.version'?: string;
  'os.features'?: string[];
  variant?: string;
  rootfs: { type: string; diff_ids: string[] | null };
  history?: HistoryEntry[];
  config: ImageConfig;
}

export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';
export const DEFAULT_PATH_UNIX = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const cloneList = (l: string[] | undefined): string[] | undefined => (l === undefined ? undefined : [...l]);

/** The config's maps that cloneImage copies only when one of its holders changes them. */
type MapKey = 'Labels' | 'ExposedPorts' | 'Volumes';

// The maps two or more configs hold (cloneImage shares them): a chain of 100
// stages FROM a base of 20,000 labels copied them at every stage (22 s);
// shared, a map is copied only by a stage that changes it (ownMap). Once
// shared a map stays so: each holder copies it before its first change, the
// copy its own.
const sharedMaps = new WeakSet<object>();

function share(m: object | undefined): void {
  if (m !== undefined) sharedMaps.add(m);
}

/**
 * The config's map `key`, its own to change: created when absent, copied
 * when shared with another config (every change to these maps goes
 * through here).
 */
export function ownMap<K extends MapKey>(config: ImageConfig, key: K): NonNullable<ImageConfig[K]> {
  const m = config[key];
  if (m === undefined) return (config[key] = {} as NonNullable<ImageConfig[K]>);
  if (!sharedMaps.has(m)) return m as NonNullable<ImageConfig[K]>;
  return (config[key] = { ...m } as NonNullable<ImageConfig[K]>);
}

/**
 * A copy of an image config that can be changed without changing `src`. The
 * converter never changes a history entry once made (it pushes new ones), so
 * the stages of one conversion share them (a chain of n stages would hold n²
 * otherwise); `ownHistory` copies them too, for a copy leaving the
 * converter's hands (parseImage's cache hands out such copies). The maps are
 * shared until one holder changes them (ownMap; ownImage for an image leaving
 * the converter).
 */
export function cloneImage(src: Image, ownHistory = false): Image {
  const c = src.config;
  const img: Image = { ...src, rootfs: { ...src.rootfs }, config: { ...c } };
  img.config.Env = cloneList(c.Env);
  img.config.Cmd = cloneList(c.Cmd);
  img.config.Entrypoint = cloneList(c.Entrypoint);
  img.config.OnBuild = cloneList(c.OnBuild);
  img.config.Shell = cloneList(c.Shell);
  share(c.ExposedPorts);
  share(c.Volumes);
  share(c.Labels);
  if (c.Healthcheck) img.config.Healthcheck = { ...c.Healthcheck, Test: cloneList(c.Healthcheck.Test) };
  if (src.history) img.history = ownHistory ? src.history.map((h) => ({ ...h })) : [...src.history];
  if (src['os.features']) img['os.features'] = [...src['os.features']];
  return img;
}

/** Gives `img` its own copy of each map it shares with another config: an image leaving the converter, which its caller may change. */
export function ownImage(img: Image): void {
  for (const key of ['ExposedPorts', 'Volumes', 'Labels'] as const) if (img.config[key] !== undefined) ownMap(img.config, key);
}

/** The config of `FROM scratch` for a platform. */
export function emptyImage(p: Platform): Image {
  const img: Image = {
    architecture: p.architecture,
    os: p.os,
    rootfs: { type: 'layers', diff_ids: null },
    config: { WorkingDir: '/' },
  };
  if (p.osVersion) img['os.version'] = p.osVersion;
  if (p.osFeatures) img['os.features'] = [...p.osFeatures];
  if (p.variant) img.variant = p.variant;
  if (p.os !== 'windows') img.config.Env = ['PATH=' + DEFAULT_PATH_UNIX];
  return img;
}

export function imagePlatform(img: Image): Platform {
  const p: Platform = { os: img.os, architecture: img.architecture };
  if (img.variant) p.variant = img.variant;
  if (img['os.version']) p.osVersion = img['os.version'];
  if (img['os.features']) p.osFeatures = [...img['os.features']];
  return p;
}

export function splitKeyValue(kv: string): [string, string] {
  const i = kv.indexOf('=');
  return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
}

function envKey(kv: string): string {
  const i = kv.indexOf('=');
  return i < 0 ? kv : kv.slice(0, i);
}

// Where each key first appears in a config's Env list, kept beside the list
// so that an ENV does not scan it (a base image can bring tens of thousands of
// entries). Built on first use; addEnv, the only code that changes a list in
// place, keeps it current, and a list whose length changed otherwise is
// indexed again.
const envIndexes = new WeakMap<string[], { length: number; first: Map<string, number> }>();

function firstIndexes(env: string[]): Map<string, number> {
  let ix = envIndexes.get(env);
  if (ix === undefined || ix.length !== env.length) {
    const first = new Map<string, number>();
    for (let i = 0; i < env.length; i++) {
      const k = envKey(env[i]);
      if (!first.has(k)) first.set(k, i);
    }
    ix = { length: env.length, first };
    envIndexes.set(env, ix);
  }
  return ix.first;
}

/**
 * Lets the index of a config's Env list go (a stage done dispatching): kept,
 * the indexes of a chain of stages each FROM the one before, every stage's
 * list one entry longer, would hold n² keys; rebuilt if the list is set again.
 */
export function releaseEnvIndex(img: Image): void {
  if (img.config.Env) envIndexes.delete(img.config.Env);
}

/** Sets `k=v` in an env list, replacing the first entry with the same key. */
export function addEnv(env: string[] | undefined, k: string, v: string): string[] {
  const out = env ?? [];
  const first = firstIndexes(out);
  const i = first.get(k);
  if (i !== undefined) {
    out[i] = `${k}=${v}`;
  } else {
    first.set(k, out.length);
    out.push(`${k}=${v}`);
    envIndexes.get(out)!.length = out.length;
  }
  return out;
}

export function defaultShell(os: string): string[] {
  return os === 'windows' ? ['cmd', '/S', '/C'] : ['/bin/sh', '-c'];
}

/** Shell-form arguments prefixed with the image's shell. */
export function withShell(img: Image, args: string[]): string[] {
  const shell = img.config.Shell && img.config.Shell.length > 0 ? [...img.config.Shell] : defaultShell(img.os);
  return [...shell, args.join(' ')];
}

export function commitToHistory(img: Image, msg: string, withLayer: boolean, isBuildkitOp: boolean, epoch?: string): void {
  const h: HistoryEntry = {};
  if (epoch !== undefined) h.created = epoch;
  h.created_by = isBuildkitOp ? msg + ' # buildkit' : msg;
  h.comment = HISTORY_COMMENT;
  if (!withLayer) h.empty_layer = true;
  (img.history ??= []).push(h);
}

// ---- JSON, as Go's encoding/json reads and writes these structs ----

/** Go re-formats RFC 3339 times: a zero offset becomes `Z`, fraction zeros are dropped. */
export function normalizeTime(t: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(t);
  if (!m) return t;
  // The fraction without its trailing zeros (a loop: /0+$/ backtracks, quadratic in a long run of zeros).
  const digits = m[2] ?? '';
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 0x30) end--;
  const frac = digits.slice(0, end);
  const zone = m[3] === '+00:00' || m[3] === '-00:00' || m[3].toUpperCase() === 'Z' ? 'Z' : m[3];
  return m[1].toUpperCase() + (frac ? '.' + frac : '') + zone;
}

type Obj = Record<string, unknown>;

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function nonZero(v: unknown): number | bigint | undefined {
  return (typeof v === 'number' && v !== 0) || (typeof v === 'bigint' && v !== 0n) ? v : undefined;
}
function set(v: unknown): Record<string, Record<string, never>> | undefined {
  if (v === undefined) return undefined;
  // fromEntries defines the keys (a `__proto__` key stays a key); the empty values are never changed: one for all.
  return Object.fromEntries(Object.keys(v as Obj).map((k) => [k, EMPTY])) as Record<string, Record<string, never>>;
}
const EMPTY: Record<string, never> = Object.freeze({});

/**
 * Reads an image config JSON document as json.Unmarshal into DockerOCIImage
 * does: a value of the wrong type fails with Go's message (a GoJSONError,
 * or a time's parse error for `created`).
 */
export function parseImage(text: string): Image {
  const img = readImage(text);
  ownImage(img);
  return img;
}

/** parseImage for the converter: the maps may be shared with its cache's copy (ownMap copies them before a change). */
export function readImage(text: string): Image {
  const seen = parsedImages.get(text);
  if (seen !== undefined && seen !== SEEN_ONCE) return cloneImage(seen, true);
  if (parsedImages.size >= PARSED_IMAGES_MAX) parsedImages.delete(parsedImages.keys().next().value!);
  // The first time a config is seen it is decoded for the caller alone;
  // the second time once more, and that copy is kept for the next ones.
  if (seen === undefined) {
    parsedImages.set(text, SEEN_ONCE);
    return decodeImage(text);
  }
  const img = decodeImage(text);
  parsedImages.set(text, img);
  return cloneImage(img, true);
}

// Configs decoded before, by their text: 2,000 stages FROM one image decode
// its config twice, not 2,000 times (each stage gets its own copy, which it
// then changes); an image used once is decoded once and not copied.
const SEEN_ONCE = Symbol('seen once');
const parsedImages = new Map<string, Image | typeof SEEN_ONCE>();
const PARSED_IMAGES_MAX = 64;

function decodeImage(text: string): Image {
  const doc = (goUnmarshal(text, DOCKER_OCI_IMAGE) ?? {}) as Obj;
  const img: Image = {
    architecture: (doc.architecture as string | undefined) ?? '',
    os: (doc.os as string | undefined) ?? '',
    rootfs: { type: '', diff_ids: null },
    config: {},
  };
  const created = nonEmpty(doc.created);
  if (created) img.created = normalizeTime(created);
  const author = nonEmpty(doc.author);
  if (author) img.author = author;
  const osv = nonEmpty(doc['os.version']);
  if (osv) img['os.version'] = osv;
  if (doc['os.features'] !== undefined) img['os.features'] = doc['os.features'] as string[];
  const variant = nonEmpty(doc.variant);
  if (variant) img.variant = variant;
  const rootfs = doc.rootfs as Obj | undefined;
  if (rootfs) {
    img.rootfs.type = (rootfs.type as string | undefined) ?? '';
    img.rootfs.diff_ids = (rootfs.diff_ids as string[] | undefined) ?? null;
  }
  if (doc.history !== undefined) {
    img.history = (doc.history as (Obj | undefined)[]).map((hv) => {
      const h = hv ?? {};
      const e: HistoryEntry = {};
      const c = nonEmpty(h.created);
      if (c) e.created = normalizeTime(c);
      const cb = nonEmpty(h.created_by);
      if (cb) e.created_by = cb;
      const a = nonEmpty(h.author);
      if (a) e.author = a;
      const cm = nonEmpty(h.comment);
      if (cm) e.comment = cm;
      if (h.empty_layer === true) e.empty_layer = true;
      return e;
    });
  }
  const cfg = doc.config as Obj | undefined;
  if (cfg) {
    const c = img.config;
    c.User = nonEmpty(cfg.User);
    c.ExposedPorts = set(cfg.ExposedPorts);
    c.Env = cfg.Env as string[] | undefined;
    c.Entrypoint = cfg.Entrypoint as string[] | undefined;
    c.Cmd = cfg.Cmd as string[] | undefined;
    c.Volumes = set(cfg.Volumes);
    c.WorkingDir = nonEmpty(cfg.WorkingDir);
    if (cfg.Labels !== undefined) c.Labels = { ...(cfg.Labels as Record<string, string>) };
    c.StopSignal = nonEmpty(cfg.StopSignal);
    if (cfg.ArgsEscaped === true) c.ArgsEscaped = true;
    const hc = cfg.Healthcheck as Obj | undefined;
    if (hc) {
      c.Healthcheck = {
        Test: hc.Test as string[] | undefined,
        Interval: nonZero(hc.Interval),
        Timeout: nonZero(hc.Timeout),
        StartPeriod: nonZero(hc.StartPeriod),
        StartInterval: nonZero(hc.StartInterval),
        Retries: nonZero(hc.Retries),
      };
    }
    c.OnBuild = cfg.OnBuild as string[] | undefined;
    c.Shell = cfg.Shell as string[] | undefined;
    for (const k of Object.keys(c) as (keyof ImageConfig)[]) if (c[k] === undefined) delete c[k];
  }
  return img;
}

function nonEmptyList<T>(l: T[] | undefined): l is T[] {
  return l !== undefined && l.length > 0;
}
function nonEmptyMap(m: object | undefined): m is object {
  return m !== undefined && Object.keys(m).length > 0;
}

/** A plain object whose JSON.stringify equals Go's json.Marshal of the image. */
export function imageToJSON(img: Image): object {
  const o: Record<string, unknown> = {};
  if (img.created) o.created = img.created;
  if (img.author) o.author = img.author;
  o.architecture = img.architecture;
  o.os = img.os;
  if (img['os.version']) o['os.version'] = img['os.version'];
  if (nonEmptyList(img['os.features'])) o['os.features'] = img['os.features'];
  if (img.variant) o.variant = img.variant;
  o.rootfs = { type: img.rootfs.type, diff_ids: img.rootfs.diff_ids };
  if (nonEmptyList(img.history)) {
    o.history = img.history.map((h) => {
      const e: Record<string, unknown> = {};
      if (h.created) e.created = h.created;
      if (h.created_by) e.created_by = h.created_by;
      if (h.author) e.author = h.author;
      if (h.comment) e.comment = h.comment;
      if (h.empty_layer) e.empty_layer = true;
      return e;
    });
  }
  const c = img.config;
  const cfg: Record<string, unknown> = {};
  if (c.User) cfg.User = c.User;
  if (nonEmptyMap(c.ExposedPorts)) cfg.ExposedPorts = new GoMap(c.ExposedPorts);
  if (nonEmptyList(c.Env)) cfg.Env = c.Env;
  if (nonEmptyList(c.Entrypoint)) cfg.Entrypoint = c.Entrypoint;
  if (nonEmptyList(c.Cmd)) cfg.Cmd = c.Cmd;
  if (nonEmptyMap(c.Volumes)) cfg.Volumes = new GoMap(c.Volumes);
  if (c.WorkingDir) cfg.WorkingDir = c.WorkingDir;
  if (nonEmptyMap(c.Labels)) cfg.Labels = new GoMap(c.Labels);
  if (c.StopSignal) cfg.StopSignal = c.StopSignal;
  if (c.ArgsEscaped) cfg.ArgsEscaped = true;
  if (c.Healthcheck) {
    const h = c.Healthcheck;
    const hc: Record<string, unknown> = {};
    if (nonEmptyList(h.Test)) hc.Test = h.Test;
    if (h.Interval) hc.Interval = h.Interval;
    if (h.Timeout) hc.Timeout = h.Timeout;
    if (h.StartPeriod) hc.StartPeriod = h.StartPeriod;
    if (h.StartInterval) hc.StartInterval = h.StartInterval;
    if (h.Retries) hc.Retries = h.Retries;
    cfg.Healthcheck = hc;
  }
  if (nonEmptyList(c.OnBuild)) cfg.OnBuild = c.OnBuild;
  if (nonEmptyList(c.Shell)) cfg.Shell = c.Shell;
  o.config = cfg;
  return o;
}

/** Go's json.Marshal output (HTML-escaping `<`, `>`, `&` like Go does). */
/**
 * A time Go holds but cannot marshal (a year outside 0..9999: a
 * SOURCE_DATE_EPOCH far away), in place of its text; marshalImage refuses
 * an image holding it, as json.Marshal refuses the time.
 */
export const YEAR_OUT_OF_RANGE = '\u0000year outside of range';
/** The same for a time whose zone's offset is 24 hours or more (a git commit's `+2400`). */
export const ZONE_OUT_OF_RANGE = '\u0000timezone hour outside of range';

/** Go's error for each time it cannot marshal, by its stand-in. */
const UNMARSHALABLE_TIMES: Record<string, string> = {
  [YEAR_OUT_OF_RANGE]: 'year outside of range [0,9999]',
  [ZONE_OUT_OF_RANGE]: 'timezone hour outside of range [0,23]',
};

export function marshalImage(img: Image): string {
  // The first such time json.Marshal meets: `created`, then the history's in order.
  let bad = img.created !== undefined && Object.hasOwn(UNMARSHALABLE_TIMES, img.created) ? img.created : undefined;
  for (let i = 0; bad === undefined && i < (img.history?.length ?? 0); i++) {
    const t = img.history![i]!.created;
    if (t !== undefined && Object.hasOwn(UNMARSHALABLE_TIMES, t)) bad = t;
  }
  if (bad !== undefined) {
    throw new Error(`failed to marshal image config: json: error calling MarshalJSON for type *time.Time: Time.MarshalJSON: ${UNMARSHALABLE_TIMES[bad]}`);
  }
  // imageToJSON's values are GoJSON already (no undefined, no number that is not finite):
  // written without goJSONStringify's copy (a base of 400,000 history entries).
  return goMarshal(imageToJSON(img) as GoJSON);
}
