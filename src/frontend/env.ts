// What BuildKit tells a gateway frontend through its environment
// (frontend/gateway/gateway.go, read as grpcclient does).
import type { Platform } from '../dockerfile/convert/index.ts';
import { goUnmarshal, OCI_PLATFORM_FIELDS, type GoType } from '../go/unmarshal.ts';
import { parseChannel, type Channel } from '../dockerfile/channel.ts';
import { readFileSync } from 'node:fs';

export interface GatewayEnv {
  /** The frontend options: `--opt k=v` of buildctl, `build-arg:…`, `label:…`, … */
  opts: Map<string, string>;
  sessionId: string;
  /** BUILDKIT_EXPORTEDPRODUCT */
  product: string;
  workers: WorkerInfo[];
  /**
   * The syntax channel this image was built for: DOCKERFILE_LLB_CHANNEL in
   * the image's environment (frontend.Dockerfile's CHANNEL build arg); stable
   * when unset. An unknown name is an error at start.
   */
  channel: Channel;
}

export interface WorkerInfo {
  id: string;
  labels: Record<string, string>;
  platforms: Platform[];
}

function channelFromEnv(value: string | undefined): Channel {
  if (value === undefined || value === '') return 'stable';
  const c = parseChannel(value);
  if (c === undefined) throw new Error(`DOCKERFILE_LLB_CHANNEL: unknown channel ${JSON.stringify(value)} (stable or labs)`);
  return c;
}

const OPT_PREFIX = 'BUILDKIT_FRONTEND_OPT_';

/**
 * The variables of `env` as `Object.entries(process.env)` gives them, read
 * from /proc/self/environ when `env` is this process's own (the file holds
 * the environment the process started with; nothing here sets a variable
 * before the gateway's are read): each lookup in process.env scans the whole
 * environment (getenv), so enumerating it is quadratic, 6 s for 30,000
 * options against 15 ms this way. As process.env: entries without `=` are
 * left out, a name given twice has its first value, and names and values are
 * decoded as UTF-8 with U+FFFD for bytes that are not (V8's NewFromUtf8). (A
 * name that is no UTF-8, which the daemon never sets, would be kept here as
 * Go keeps it; process.env enumerates it but finds no value.)
 */
function environ(env: NodeJS.ProcessEnv): Iterable<[string, string | undefined]> {
  if (env !== process.env || process.platform !== 'linux') return Object.entries(env);
  let raw: Buffer;
  try {
    raw = readFileSync('/proc/self/environ');
  } catch {
    return Object.entries(env);
  }
  const decoder = new TextDecoder();
  const vars = new Map<string, string>();
  for (let start = 0; start < raw.length; ) {
    let end = raw.indexOf(0, start);
    if (end < 0) end = raw.length;
    const entry = raw.subarray(start, end);
    const eq = entry.indexOf(0x3d);
    if (eq >= 0) {
      const name = decoder.decode(entry.subarray(0, eq));
      if (!vars.has(name)) vars.set(name, decoder.decode(entry.subarray(eq + 1)));
    }
    start = end + 1;
  }
  return vars;
}

/** Reads the environment the daemon sets: one `BUILDKIT_FRONTEND_OPT_<i>=<key>=<value>` per option. */
export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const opts = new Map<string, string>();
  for (const [k, v] of environ(env)) {
    if (!k.startsWith(OPT_PREFIX) || v === undefined) continue;
    const eq = v.indexOf('=');
    // As upstream: a value without "=" is an option with an empty value.
    if (eq < 0) opts.set(v, '');
    else opts.set(v.slice(0, eq), v.slice(eq + 1));
  }
  return {
    opts,
    sessionId: env.BUILDKIT_SESSION_ID ?? '',
    product: env.BUILDKIT_EXPORTEDPRODUCT ?? '',
    workers: parseWorkers(env.BUILDKIT_WORKERS),
    channel: channelFromEnv(env.DOCKERFILE_LLB_CHANNEL),
  };
}

const str: GoType = { kind: 'string' };

/** grpcclient's []client.WorkerInfo. */
const WORKERS: GoType = {
  kind: 'slice',
  elem: {
    kind: 'struct',
    name: 'client.WorkerInfo',
    fields: [
      { json: 'ID', type: str },
      { json: 'Labels', type: { kind: 'map', elem: str } },
      {
        json: 'Platforms',
        type: {
          kind: 'slice',
          elem: {
            kind: 'struct',
            name: 'v1.Platform',
            fields: [...OCI_PLATFORM_FIELDS],
          },
        },
      },
    ],
  },
};

interface GoPlatformJSON {
  architecture?: string;
  os?: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

/** As grpcclient reads BUILDKIT_WORKERS: anything json.Unmarshal refuses means no workers at all. */
function parseWorkers(text: string | undefined): WorkerInfo[] {
  let raw: ({ ID?: string; Labels?: Record<string, string>; Platforms?: (GoPlatformJSON | undefined)[] } | undefined)[] | undefined;
  try {
    raw = goUnmarshal(text ?? '', WORKERS) as typeof raw;
  } catch {
    return [];
  }
  return (raw ?? []).map((w = {}) => ({
    id: w.ID ?? '',
    labels: { ...w.Labels },
    platforms: (w.Platforms ?? []).map((p = {}) => {
      const out: Platform = { os: p.os ?? '', architecture: p.architecture ?? '' };
      if (p.variant) out.variant = p.variant;
      if (p['os.version']) out.osVersion = p['os.version'];
      if (p['os.features']) out.osFeatures = p['os.features'];
      return out;
    }),
  }));
}
