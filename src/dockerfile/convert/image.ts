// The image config the converter writes (Docker's DockerOCIImage), modelled
// field by field so it serializes exactly like Go's encoding/json does.

import { goJSONStringify } from '../../go/json.ts';
import type { Platform } from './platform.ts';

export interface HealthConfig {
  Test?: string[];
  /** Durations in nanoseconds. */
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
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

export function cloneImage(src: Image): Image {
  const c = src.config;
  const img: Image = { ...src, rootfs: { ...src.rootfs }, config: { ...c } };
  img.config.Env = cloneList(c.Env);
  img.config.Cmd = cloneList(c.Cmd);
  img.config.Entrypoint = cloneList(c.Entrypoint);
  img.config.OnBuild = cloneList(c.OnBuild);
  img.config.Shell = cloneList(c.Shell);
  if (c.ExposedPorts) img.config.ExposedPorts = { ...c.ExposedPorts };
  if (c.Volumes) img.config.Volumes = { ...c.Volumes };
  if (c.Labels) img.config.Labels = { ...c.Labels };
  if (c.Healthcheck) img.config.Healthcheck = { ...c.Healthcheck, Test: cloneList(c.Healthcheck.Test) };
  if (src.history) img.history = src.history.map((h) => ({ ...h }));
  if (src['os.features']) img['os.features'] = [...src['os.features']];
  return img;
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

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// The object `field` last looked a name up in case-insensitively, and its
// keys by lower-case form (the first key of each form, as a scan finds it):
// parseImage looks up a dozen absent names in each object of a parsed
// (never changed) document, so each object's keys are folded once, not per name.
let foldedObj: object | undefined;
let foldedKeys = new Map<string, string>();

function field(obj: { [k: string]: Json }, name: string): Json | undefined {
  if (name in obj) return obj[name];
  if (foldedObj !== obj) {
    foldedKeys = new Map();
    for (const k of Object.keys(obj)) {
      const lower = k.toLowerCase();
      if (!foldedKeys.has(lower)) foldedKeys.set(lower, k);
    }
    foldedObj = obj;
  }
  const k = foldedKeys.get(name.toLowerCase());
  return k === undefined ? undefined : obj[k];
}

function asString(v: Json | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function asStrings(v: Json | undefined): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((x) => (typeof x === 'string' ? x : String(x)));
}
function asSet(v: Json | undefined): Record<string, Record<string, never>> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, Record<string, never>> = {};
  for (const k of Object.keys(v)) out[k] = {};
  return out;
}
function asNumber(v: Json | undefined): number | undefined {
  return typeof v === 'number' && v !== 0 ? v : undefined;
}
function asObject(v: Json | undefined): { [k: string]: Json } | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** Go re-formats RFC 3339 times: a zero offset becomes `Z`, fraction zeros are dropped. */
export function normalizeTime(t: string): string {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/i.exec(t);
  if (!m) return t;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  const zone = m[3] === '+00:00' || m[3] === '-00:00' || m[3].toUpperCase() === 'Z' ? 'Z' : m[3];
  return m[1].toUpperCase() + (frac ? '.' + frac : '') + zone;
}

/** Reads an image config JSON document like json.Unmarshal into DockerOCIImage. */
export function parseImage(text: string): Image {
  const doc = asObject(JSON.parse(text) as Json) ?? {};
  const img: Image = {
    architecture: typeof field(doc, 'architecture') === 'string' ? (field(doc, 'architecture') as string) : '',
    os: typeof field(doc, 'os') === 'string' ? (field(doc, 'os') as string) : '',
    rootfs: { type: '', diff_ids: null },
    config: {},
  };
  const created = asString(field(doc, 'created'));
  if (created) img.created = normalizeTime(created);
  const author = asString(field(doc, 'author'));
  if (author) img.author = author;
  const osv = asString(field(doc, 'os.version'));
  if (osv) img['os.version'] = osv;
  const osf = asStrings(field(doc, 'os.features'));
  if (osf) img['os.features'] = osf;
  const variant = asString(field(doc, 'variant'));
  if (variant) img.variant = variant;
  const rootfs = asObject(field(doc, 'rootfs'));
  if (rootfs) {
    img.rootfs.type = typeof field(rootfs, 'type') === 'string' ? (field(rootfs, 'type') as string) : '';
    img.rootfs.diff_ids = asStrings(field(rootfs, 'diff_ids')) ?? null;
  }
  const history = field(doc, 'history');
  if (Array.isArray(history)) {
    img.history = history.map((hv) => {
      const h = asObject(hv) ?? {};
      const e: HistoryEntry = {};
      const c = asString(field(h, 'created'));
      if (c) e.created = normalizeTime(c);
      const cb = asString(field(h, 'created_by'));
      if (cb) e.created_by = cb;
      const a = asString(field(h, 'author'));
      if (a) e.author = a;
      const cm = asString(field(h, 'comment'));
      if (cm) e.comment = cm;
      if (field(h, 'empty_layer') === true) e.empty_layer = true;
      return e;
    });
  }
  const cfg = asObject(field(doc, 'config'));
  if (cfg) {
    const c = img.config;
    c.User = asString(field(cfg, 'User'));
    c.ExposedPorts = asSet(field(cfg, 'ExposedPorts'));
    c.Env = asStrings(field(cfg, 'Env'));
    c.Entrypoint = asStrings(field(cfg, 'Entrypoint'));
    c.Cmd = asStrings(field(cfg, 'Cmd'));
    c.Volumes = asSet(field(cfg, 'Volumes'));
    c.WorkingDir = asString(field(cfg, 'WorkingDir'));
    const labels = asObject(field(cfg, 'Labels'));
    if (labels) {
      c.Labels = {};
      for (const [k, v] of Object.entries(labels)) c.Labels[k] = typeof v === 'string' ? v : '';
    }
    c.StopSignal = asString(field(cfg, 'StopSignal'));
    if (field(cfg, 'ArgsEscaped') === true) c.ArgsEscaped = true;
    const hc = asObject(field(cfg, 'Healthcheck'));
    if (hc) {
      c.Healthcheck = {
        Test: asStrings(field(hc, 'Test')),
        Interval: asNumber(field(hc, 'Interval')),
        Timeout: asNumber(field(hc, 'Timeout')),
        StartPeriod: asNumber(field(hc, 'StartPeriod')),
        StartInterval: asNumber(field(hc, 'StartInterval')),
        Retries: asNumber(field(hc, 'Retries')),
      };
    }
    c.OnBuild = asStrings(field(cfg, 'OnBuild'));
    c.Shell = asStrings(field(cfg, 'Shell'));
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
function sortedMap<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k];
  return out;
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
  if (nonEmptyMap(c.ExposedPorts)) cfg.ExposedPorts = sortedMap(c.ExposedPorts);
  if (nonEmptyList(c.Env)) cfg.Env = c.Env;
  if (nonEmptyList(c.Entrypoint)) cfg.Entrypoint = c.Entrypoint;
  if (nonEmptyList(c.Cmd)) cfg.Cmd = c.Cmd;
  if (nonEmptyMap(c.Volumes)) cfg.Volumes = sortedMap(c.Volumes);
  if (c.WorkingDir) cfg.WorkingDir = c.WorkingDir;
  if (nonEmptyMap(c.Labels)) cfg.Labels = sortedMap(c.Labels);
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
export function marshalImage(img: Image): string {
  return goJSONStringify(imageToJSON(img));
}
