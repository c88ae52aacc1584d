// The frontend options as dockerui.Client.init reads them (`filename`,
// `target`, `build-arg:`, `label:`, `platform`, `image-resolve-mode`,
// `add-hosts`, `shm-size`, `ulimit`, the resource limits,
// `force-network-mode`, `no-cache`, `multi-platform`, `cache-imports`,
// `cache-from`, `hostname`, `cgroup-parent`, the named-context options ...),
// parsed once into a FrontendConfig, with upstream's error texts. The
// gateway, the CLI commands and the tests all start from one.

import type { LinuxResources } from '../llb/index.ts';
import type { Channel } from '../dockerfile/channel.ts';
import { DEFAULT_PLATFORM, normalizePlatform, parsePlatform, type Platform } from '../dockerfile/convert/platform.ts';
import type { ImageResolveMode, NetMode, Ulimit } from '../dockerfile/convert/types.ts';
import { goParseInt64, goQuote, int64Value, parseGoBool } from '../go/strconv.ts';
import { goUnmarshal, type GoType } from '../go/unmarshal.ts';
import { parseExtraHosts, parseLinuxResources, parseUlimits } from './options.ts';
import { setKey } from '../go/maps.ts';

/** A cache import (the gateway's CacheOptionsEntry). */
export interface CacheImport {
  Type?: string;
  Attrs?: Record<string, string>;
}

/** `[]*CacheOptionsEntry` (the control API's type, hence Go's type names) as json.Unmarshal reads it. */
const CACHE_IMPORTS: GoType = {
  kind: 'slice',
  elem: {
    kind: 'ptr',
    elem: {
      kind: 'struct',
      name: 'moby_buildkit_v1.CacheOptionsEntry',
      fields: [
        { json: 'Type', type: { kind: 'string' } },
        { json: 'Attrs', type: { kind: 'map', elem: { kind: 'string' } } },
      ],
    },
  },
};

/** `cache-imports` as upstream decodes it: null is none, a wrong type fails with encoding/json's words. */
function parseCacheImports(text: string): CacheImport[] {
  let parsed: (CacheImport | undefined)[] | undefined;
  try {
    parsed = goUnmarshal(text, CACHE_IMPORTS) as typeof parsed;
  } catch (err) {
    throw new Error(`failed to unmarshal cache-imports (${goQuote(text)}): ${(err as Error).message}`);
  }
  // A null entry makes upstream dereference a nil pointer (a panic): refused here instead.
  if (parsed?.includes(undefined)) throw new Error(`failed to unmarshal cache-imports (${goQuote(text)}): null entry`);
  return (parsed ?? []).map((e) => ({ Type: e!.Type ?? '', Attrs: { ...e!.Attrs } }));
}

/** The frontend options dockerui.Client.init reads. */
export interface FrontendConfig {
  filename: string;
  dockerfileLocalName: string;
  forceLocalDockerfile: boolean;
  contextLocalName: string;
  contextOptName: string;
  target: string;
  buildArgs: Record<string, string>;
  labels: Record<string, string>;
  targetPlatforms: Platform[];
  buildPlatforms: Platform[];
  multiPlatform: boolean;
  imageResolveMode: ImageResolveMode;
  extraHosts: { host: string; ip: string }[];
  shmSize: number | bigint;
  networkMode: NetMode;
  hostname: string;
  cgroupParent: string;
  ulimits: Ulimit[];
  linuxResources: LinuxResources | undefined;
  noCache: string[] | undefined;
  cacheImports: CacheImport[];
  cacheIdNamespace: string;
  /** `context:NAME[::PLATFORM]` options, keyed without the prefix (see ConvertOptions.namedContexts). */
  namedContexts: Record<string, string>;
  /** `sharedkey:localdir:NAME` options. */
  localSharedKeys: Record<string, string>;
  /** `local-sessionid:LOCALNAME` options. */
  localSessionIds: Record<string, string>;
  /** `input-metadata:INPUT` options. */
  inputMetadata: Record<string, string>;
  /**
   * The syntax channel (docs/labs.md): not a frontend option but the image's
   * (DOCKERFILE_LLB_CHANNEL, set by frontend.Dockerfile) or the CLI's --channel.
   */
  channel: Channel;
}

function prefixed(opts: ReadonlyMap<string, string>, prefix: string): Record<string, string> {
  const m: Record<string, string> = {};
  for (const [k, v] of opts) if (k.startsWith(prefix)) setKey(m, k.slice(prefix.length), v);
  return m;
}

/** A parse failure with upstream's errors.Wrap prefix. */
function wrapped<T>(prefix: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new Error(`${prefix}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Parses the frontend options. `workerPlatform` is the first platform of the
 * daemon's first worker (the build platform; linux/amd64 without one).
 * Throws upstream's error for an invalid option.
 */
export function parseConfig(opts: ReadonlyMap<string, string>, workerPlatform?: Platform, channel: Channel = 'stable'): FrontendConfig {
  const get = (k: string): string => opts.get(k) ?? '';
  if (get('override-copy-image') !== '') throw new Error('support for "override-copy-image" was removed in BuildKit 0.11');
  if (parseGoBool(opts.get('build-arg:BUILDKIT_DISABLE_FILEOP') ?? '') === true) {
    throw new Error('support for "BUILDKIT_DISABLE_FILEOP" build-arg was removed in BuildKit 0.11');
  }
  const buildPlatforms = [workerPlatform ?? DEFAULT_PLATFORM];
  const targetPlatforms: Platform[] = [];
  if (get('platform') !== '') {
    for (const v of get('platform').split(',')) {
      targetPlatforms.push(wrapped(`failed to parse target platform ${v}`, () => normalizePlatform(parsePlatform(v))));
    }
  }
  const rm = get('image-resolve-mode');
  let imageResolveMode: ImageResolveMode;
  if (rm === '' || rm === 'default') imageResolveMode = 'default';
  else if (rm === 'pull') imageResolveMode = 'pull';
  else if (rm === 'local') imageResolveMode = 'local';
  else throw new Error(`invalid image-resolve-mode: ${rm}`);

  // In dockerui.Client.init's order (options.ts).
  const extraHosts = wrapped('failed to parse additional hosts', () => parseExtraHosts(get('add-hosts')));
  const shmSize = wrapped('failed to parse shm size', () => (get('shm-size') !== '' ? int64Value(goParseInt64(get('shm-size'))) : 0));
  const ulimits = wrapped('failed to parse ulimit', () => parseUlimits(get('ulimit')));
  const linuxResources = wrapped('failed to parse resource limits', () => parseLinuxResources((k) => opts.get(k)));
  const nm = get('force-network-mode');
  if (!['', 'none', 'host', 'sandbox'].includes(nm)) throw new Error(`invalid netmode ${nm}`);
  const networkMode: NetMode = nm === '' ? 'sandbox' : (nm as NetMode);

  let noCache: string[] | undefined;
  if (opts.has('no-cache')) noCache = get('no-cache') === '' ? [] : get('no-cache').split(',');

  let multiPlatform = targetPlatforms.length > 1;
  const mpArg = opts.get('build-arg:BUILDKIT_MULTI_PLATFORM') || get('multi-platform');
  if (mpArg !== '') {
    const b = parseGoBool(mpArg);
    if (b === undefined) throw new Error(`invalid boolean value for multi-platform: ${mpArg}`);
    if (!b && multiPlatform) throw new Error('conflicting config: returning multiple target platforms is not allowed');
    multiPlatform = b;
  }

  const cacheImports: CacheImport[] = get('cache-imports') === '' ? [] : parseCacheImports(get('cache-imports'));
  if (get('cache-from') !== '') {
    for (const s of get('cache-from').split(',')) cacheImports.push({ Type: 'registry', Attrs: { ref: s } });
  }

  return {
    filename: opts.has('filename') ? get('filename') : 'Dockerfile',
    dockerfileLocalName: opts.has('dockerfilekey') ? get('dockerfilekey') : 'dockerfile',
    forceLocalDockerfile: opts.has('dockerfilekey'),
    contextLocalName: 'context',
    contextOptName: opts.has('contextkey') ? get('contextkey') : 'context',
    target: get('target'),
    buildArgs: prefixed(opts, 'build-arg:'),
    labels: prefixed(opts, 'label:'),
    targetPlatforms,
    buildPlatforms,
    multiPlatform,
    imageResolveMode,
    extraHosts,
    shmSize,
    networkMode,
    hostname: opts.get('build-arg:BUILDKIT_SANDBOX_HOSTNAME') || get('hostname'),
    cgroupParent: get('cgroup-parent'),
    ulimits,
    linuxResources,
    noCache,
    cacheImports,
    cacheIdNamespace: get('build-arg:BUILDKIT_CACHE_MOUNT_NS'),
    namedContexts: prefixed(opts, 'context:'),
    localSharedKeys: prefixed(opts, 'sharedkey:localdir:'),
    localSessionIds: prefixed(opts, 'local-sessionid:'),
    inputMetadata: prefixed(opts, 'input-metadata:'),
    channel,
  };
}
