// An ImageResolver that asks registries over the OCI distribution API, walking
// from the reference to the config the way BuildKit (util/imageutil.Config on
// containerd's docker resolver) does: resolve the top manifest or index, pick
// the best platform entry with platforms.Only, read that manifest, then fetch
// and verify the config blob. Every fetched object is checked against its
// digest.
import { sha256Digest, validateDigest, verifyDigest } from './digest.ts';
import { basicAuthorization, fetchAnonymousToken, parseChallenges } from './auth.ts';
import { BODY_DEADLINE_MS, errorText, readUpTo } from './body.ts';
import { RequestError, fetchErrorReason, fetchFollowing } from './http.ts';
import { decodeConfigPlatform, decodeIndex, decodeManifest, probeMediaType, type DecodedDescriptor } from './manifest-schema.ts';
import { GoJSONError } from '../go/unmarshal.ts';
import type { CredentialLookup } from './credentials.ts';
import type { ConfigCache } from './config-cache.ts';
import {
  MANIFEST_ACCEPT,
  MEDIA_TYPE_DOCKER_CONFIG,
  MEDIA_TYPE_DOCKER_MANIFEST,
  MEDIA_TYPE_DOCKER_MANIFEST_LIST,
  MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST,
  MEDIA_TYPE_OCI_CONFIG,
  isIndexType,
  isManifestType,
} from './media-types.ts';
import { fromOCIPlatform, formatPlatformAll, type Platform } from '../platform/platform.ts';
import { onlyPlatform, rankManifests, type PlatformComparer } from './platform-match.ts';
import { parseNormalizedNamed, type NamedReference } from './reference.ts';
import { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage } from './resolver.ts';

export interface RegistryResolverOptions {
  /** Registry domain -> mirror hosts tried before it, e.g. {"docker.io": ["localhost:5000"]}. */
  mirrors?: Record<string, readonly string[]>;
  /** Hosts spoken to over plain HTTP besides localhost and loopback addresses. */
  insecureHosts?: readonly string[];
  /** Injected for proxies or tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Credentials per registry host (e.g. dockerCredentials()); anonymous when absent or undefined for a host. */
  credentials?: CredentialLookup;
  /** Image configs kept by the digest a reference resolved to, and platform. */
  configCache?: ConfigCache;
  /** How long a manifest's or config's body may take from its headers (default BODY_DEADLINE_MS; tests shorten it). */
  bodyDeadlineMs?: number;
}

/** containerd's MaxManifestSize: larger manifests are refused. */
const MAX_MANIFEST_SIZE = 4 * 1048 * 1048;
const MAX_CONFIG_SIZE = 64 * 1024 * 1024;

interface Descriptor {
  mediaType: string;
  digest: string;
  size?: number | bigint;
  platform?: Platform;
}

interface Fetched {
  mediaType: string;
  digest: string;
  body: Uint8Array;
}

/** One place a repository can be read from (a mirror or the origin). */
interface Endpoint {
  host: string;
  scheme: 'http' | 'https';
  /** Set for mirrors, so a shared mirror knows the origin (containerd's ?ns=). */
  namespace?: string;
  /** The resolution's signal (ResolveOptions.signal): its requests stop when it aborts. */
  signal?: AbortSignal;
}

/** An HTTP failure, ranked as containerd ranks them when trying several hosts. */
class HostError extends Error {
  constructor(
    message: string,
    readonly priority: number,
  ) {
    super(message);
  }
}

/** containerd's MatchLocalhost: localhost or a loopback IP, any port. */
export function isLocalhost(host: string): boolean {
  let h = host;
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']'));
  else if (h.split(':').length === 2) h = h.slice(0, h.indexOf(':'));
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * A decode as upstream's json.Unmarshal: its error is Go's message as it is
 * (childrenConfigHandler returns it unwrapped).
 */
function goDecode<T>(decode: (body: Uint8Array) => T, body: Uint8Array): T {
  try {
    return decode(body);
  } catch (err) {
    if (err instanceof GoJSONError) throw new ImageResolveError(err.message);
    throw err;
  }
}

/** BuildKit's DetectManifestBlobMediaType, for registries that send no usable Content-Type. */
function detectMediaType(body: Uint8Array): string {
  const m = goDecode(probeMediaType, body);
  const looksLikeManifest = m.config !== undefined || m.layers !== undefined;
  if (looksLikeManifest && m.manifests !== undefined) throw new ImageResolveError('invalid ambiguous manifest and manifest list');
  let mt = looksLikeManifest ? MEDIA_TYPE_DOCKER_MANIFEST : MEDIA_TYPE_DOCKER_MANIFEST_LIST;
  if (m.mediaType !== undefined) {
    if (isIndexType(m.mediaType) || isManifestType(m.mediaType)) {
      if (isIndexType(m.mediaType) === looksLikeManifest) {
        throw new ImageResolveError('mediaType in manifest does not match manifest contents');
      }
      mt = m.mediaType;
    }
  }
  return mt;
}

/**
 * A descriptor's digest is checked before it names a URL: containerd's
 * content store refuses it when opening the writer the fetch goes to, before
 * any request (and "../../x" would otherwise reach another path of the
 * registry, with the repository's authorization).
 */
function checkDescriptorDigest(digest: string): void {
  const invalid = validateDigest(digest);
  if (invalid !== undefined) {
    throw new ImageResolveError(`unable to resolve blob path: cannot calculate blob path from invalid digest: ${invalid}: invalid argument`);
  }
}

/**
 * The options as their types say, for a JavaScript caller: a mirror list given
 * as a string, say, would otherwise be ignored and the registry itself asked.
 */
function checkResolverOptions(o: unknown): void {
  const bad = (name: string, want: string): never => {
    throw new TypeError(`RegistryResolver: ${name} must be ${want}`);
  };
  if (typeof o !== 'object' || o === null || Array.isArray(o)) bad('the options', 'an object');
  const opts = o as Partial<Record<keyof RegistryResolverOptions, unknown>>;
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every((h) => typeof h === 'string');
  const { mirrors, insecureHosts, fetch: fetchFn, credentials, configCache, bodyDeadlineMs } = opts;
  if (mirrors !== undefined && (typeof mirrors !== 'object' || mirrors === null || Array.isArray(mirrors) || !Object.values(mirrors).every(strings))) {
    bad('mirrors', `an object of host lists ({ "docker.io": ["localhost:5000"] }), not ${JSON.stringify(mirrors) ?? typeof mirrors}`);
  }
  if (insecureHosts !== undefined && !strings(insecureHosts)) bad('insecureHosts', `an array of hosts, not ${JSON.stringify(insecureHosts) ?? typeof insecureHosts}`);
  if (fetchFn !== undefined && typeof fetchFn !== 'function') bad('fetch', 'a function');
  if (credentials !== undefined && typeof credentials !== 'function') bad('credentials', 'a function (host) => Promise<credentials | undefined>');
  if (configCache !== undefined) {
    const c = configCache as { get?: unknown; put?: unknown } | null;
    if (typeof c !== 'object' || c === null || typeof c.get !== 'function' || typeof c.put !== 'function') bad('configCache', 'an object with get and put methods');
  }
  if (bodyDeadlineMs !== undefined && (typeof bodyDeadlineMs !== 'number' || !(bodyDeadlineMs > 0))) bad('bodyDeadlineMs', `a positive number, not ${String(bodyDeadlineMs)}`);
}

export class RegistryResolver implements ImageResolver {
  private readonly fetchFn: typeof fetch;
  /** `Authorization` values by host and scope. */
  private readonly authorizations = new Map<string, string>();
  private readonly cache = new Map<string, ResolvedImage>();

  constructor(private readonly options: RegistryResolverOptions = {}) {
    checkResolverOptions(options);
    this.fetchFn = options.fetch ?? fetch;
  }

  async resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
    const key = `${ref} ${formatPlatformAll(opts.platform)}`;
    // "pull" always asks the registry; the other modes may reuse an answer.
    if (opts.resolveMode !== 'pull') {
      const hit = this.cache.get(key);
      if (hit !== undefined) return hit;
    }
    const named = parseNormalizedNamed(ref);
    const resolved = await this.resolveNamed(ref, named, opts.platform, opts.signal);
    this.cache.set(key, resolved);
    return resolved;
  }

  private endpoints(domain: string, signal: AbortSignal | undefined): Endpoint[] {
    const scheme = (host: string): 'http' | 'https' =>
      isLocalhost(host) || (this.options.insecureHosts ?? []).includes(host) ? 'http' : 'https';
    const out: Endpoint[] = (this.options.mirrors?.[domain] ?? []).map((host) => ({
      host,
      scheme: scheme(host),
      namespace: domain,
    }));
    const origin = domain === 'docker.io' ? 'registry-1.docker.io' : domain;
    out.push({ host: origin, scheme: scheme(origin) });
    if (signal !== undefined) for (const e of out) e.signal = signal;
    return out;
  }

  private async resolveNamed(ref: string, named: NamedReference, platform: Platform, signal: AbortSignal | undefined): Promise<ResolvedImage> {
    const cache = this.options.configCache;
    const platformKey = formatPlatformAll(platform);
    if (named.digest !== undefined) {
      const hit = cache?.get(named.digest, platformKey);
      if (hit !== undefined) return { ref, digest: named.digest, config: hit };
    }
    const object = named.digest ?? named.tag ?? 'latest';
    let firstErr: HostError | undefined;
    for (const endpoint of this.endpoints(named.domain, signal)) {
      let top: Fetched;
      try {
        top = await this.fetchManifest(endpoint, named.path, object, named.digest, undefined);
      } catch (err) {
        if (!(err instanceof HostError)) throw err;
        if (err.priority === 2) err.message = `${ref}: not found`;
        if (firstErr === undefined || err.priority > firstErr.priority) firstErr = err;
        continue;
      }
      let config = cache?.get(top.digest, platformKey);
      if (config === undefined) {
        config = await this.walkToConfig(endpoint, named.path, top, onlyPlatform(platform));
        cache?.put(top.digest, platformKey, config);
      }
      return { ref, digest: top.digest, config };
    }
    throw new ImageResolveError(firstErr?.message ?? `${ref}: not found`);
  }

  /** From a manifest or index down to the chosen platform's config bytes. */
  private async walkToConfig(endpoint: Endpoint, repo: string, top: Fetched, only: PlatformComparer): Promise<Uint8Array> {
    let current = top;
    let pickedWithoutPlatform = false;
    for (let depth = 0; depth < 8; depth++) {
      const mt = current.mediaType;
      if (mt === MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST) {
        throw new ImageResolveError(
          'support Docker Image manifest version 2, schema 1 has been removed. More information at https://docs.docker.com/go/deprecated-image-specs/',
        );
      }
      if (isIndexType(mt)) {
        const index = goDecode(decodeIndex, current.body);
        const entries: Descriptor[] = (index.manifests ?? []).map((m: DecodedDescriptor | undefined) => ({
          mediaType: m?.mediaType ?? '',
          digest: m?.digest ?? '',
          size: m?.size,
          platform: m?.platform ? fromOCIPlatform(m.platform) : undefined,
        }));
        const chosen = rankManifests(entries, only)[0];
        if (chosen === undefined) throw new ImageResolveError('no match for platform in manifest: not found');
        pickedWithoutPlatform = chosen.platform === undefined;
        checkDescriptorDigest(chosen.digest);
        current = await this.fetchManifest(endpoint, repo, chosen.digest, chosen.digest, chosen.mediaType, chosen.size);
        continue;
      }
      if (isManifestType(mt)) {
        const manifest = goDecode(decodeManifest, current.body);
        const cfg = manifest.config;
        if (!cfg || cfg.digest === undefined || cfg.digest === '') throw new ImageResolveError(`manifest ${current.digest} has no config`);
        checkDescriptorDigest(cfg.digest);
        const config = await this.fetchBlob(endpoint, repo, cfg.digest, cfg.size);
        if (pickedWithoutPlatform) {
          // An index entry without a platform is accepted on its config's word.
          const c = goDecode(decodeConfigPlatform, config);
          if (!only.match(fromOCIPlatform(c))) {
            throw new ImageResolveError(`no match for platform in manifest ${top.digest}: not found`);
          }
        }
        return config;
      }
      throw new ImageResolveError(`encountered unknown type ${mt}; children may not be fetched`);
    }
    throw new ImageResolveError(`manifest ${top.digest}: index nesting too deep`);
  }

  private url(endpoint: Endpoint, path: string): string {
    const ns = endpoint.namespace ? `?ns=${encodeURIComponent(endpoint.namespace)}` : '';
    return `${endpoint.scheme}://${endpoint.host}/v2/${path}${ns}`;
  }

  /**
   * GET with registry auth: on a 401, answer the challenge (a bearer token
   * fetched anonymously or with the host's credentials, or basic auth with
   * them) and retry once.
   */
  private async get(endpoint: Endpoint, repo: string, path: string, accept: string): Promise<Response> {
    const scope = `repository:${repo}:pull`;
    const authKey = `${endpoint.host} ${scope}`;
    const signal = endpoint.signal;
    const fetchFn: typeof fetch = signal === undefined ? this.fetchFn : (input, init) => this.fetchFn(input, { ...init, signal });
    const send = async (authorization: string | undefined): Promise<Response> => {
      try {
        return await fetchFollowing(fetchFn, this.url(endpoint, path), {
          headers: { Accept: accept, ...(authorization ? { Authorization: authorization } : {}) },
        });
      } catch (err) {
        if (err instanceof RequestError) throw new HostError(`failed to do request: ${err.message}`, 1);
        throw err;
      }
    };
    let res = await send(this.authorizations.get(authKey));
    if (res.status !== 401) return res;
    const challenges = parseChallenges(res.headers.get('www-authenticate') ?? '');
    await res.body?.cancel();
    const denied = 'pull access denied, repository does not exist or may require authorization';
    let creds;
    try {
      creds = await this.options.credentials?.(endpoint.host);
    } catch (err) {
      throw new HostError(`${denied}: ${(err as Error).message}`, 3);
    }
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    let authorization: string;
    if (bearer !== undefined) {
      try {
        authorization = `Bearer ${await fetchAnonymousToken(bearer, scope, fetchFn, creds)}`;
      } catch (err) {
        throw new HostError(`${denied}: ${(err as Error).message}`, 3);
      }
    } else if (challenges.some((c) => c.scheme === 'basic') && creds !== undefined && !creds.identityToken) {
      authorization = basicAuthorization(creds);
    } else {
      throw new HostError(`${denied}: authorization failed: no basic auth credentials`, 3);
    }
    this.authorizations.set(authKey, authorization);
    res = await send(authorization);
    if (res.status === 401 || res.status === 403) {
      const text = await errorText(res);
      throw new HostError(`${denied}: server message: ${registryErrorText(text) || res.statusText}: authorization failed`, 3);
    }
    return res;
  }

  private async fetchManifest(
    endpoint: Endpoint,
    repo: string,
    object: string,
    expectDigest: string | undefined,
    expectMediaType: string | undefined,
    expectSize?: number | bigint,
  ): Promise<Fetched> {
    const res = await this.get(endpoint, repo, `${repo}/manifests/${object}`, MANIFEST_ACCEPT);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new HostError('not found', 2);
    }
    if (!res.ok) {
      const text = await errorText(res);
      throw new HostError(`unexpected status from GET request to ${this.url(endpoint, `${repo}/manifests/${object}`)}: ${res.status} ${res.statusText}${registryErrorSuffix(text)}`, 3);
    }
    const body = await readLimited(res, MAX_MANIFEST_SIZE, `manifest for ${object}`, this.options.bodyDeadlineMs, expectSize);
    let digest = expectDigest ?? res.headers.get('docker-content-digest') ?? '';
    if (digest === '') digest = sha256Digest(body);
    else if (validateDigest(digest) !== undefined) {
      throw new ImageResolveError(`"${digest}" in header not a valid digest`);
    }
    if (!verifyDigest(body, digest)) {
      throw new ImageResolveError(`unexpected commit digest ${sha256Digest(body)}, expected ${digest}: failed precondition`);
    }
    const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    let mediaType = expectMediaType || contentType;
    if (!isIndexType(mediaType) && !isManifestType(mediaType) && mediaType !== MEDIA_TYPE_DOCKER_SCHEMA1_MANIFEST) {
      mediaType = detectMediaType(body);
    }
    return { mediaType, digest, body };
  }

  private async fetchBlob(endpoint: Endpoint, repo: string, digest: string, expectSize: number | bigint | undefined): Promise<Uint8Array> {
    const accept = [MEDIA_TYPE_OCI_CONFIG, MEDIA_TYPE_DOCKER_CONFIG, '*/*'].join(', ');
    const res = await this.get(endpoint, repo, `${repo}/blobs/${digest}`, accept);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new ImageResolveError(`content at ${this.url(endpoint, `${repo}/blobs/${digest}`)} not found: not found`);
    }
    if (!res.ok) {
      throw new ImageResolveError(`unexpected status from GET request to ${this.url(endpoint, `${repo}/blobs/${digest}`)}: ${res.status} ${res.statusText}`);
    }
    const body = await readLimited(res, MAX_CONFIG_SIZE, `blob ${digest}`, this.options.bodyDeadlineMs, expectSize);
    if (!verifyDigest(body, digest)) {
      throw new ImageResolveError(`unexpected commit digest ${sha256Digest(body)}, expected ${digest}: failed precondition`);
    }
    return body;
  }
}

/**
 * A manifest's or blob's body, read no further than `limit`; with the size
 * its descriptor gives (an index entry's, a manifest's config), checked as
 * containerd's content.Copy and the content store's Commit check what they
 * write: fewer bytes are a short read, more a wrong commit size.
 */
async function readLimited(res: Response, limit: number, what: string, deadlineMs: number | undefined, expectSize?: number | bigint): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '-1');
  if (declared > limit) {
    await res.body?.cancel();
    throw new ImageResolveError(`rejecting ${declared} byte ${what}: not found`);
  }
  // Without a length (or with a wrong one) the body is read no further than the limit.
  let read;
  try {
    read = await readUpTo(res, limit, deadlineMs ?? BODY_DEADLINE_MS);
  } catch (err) {
    // A connection closed or stalled mid-body (fetch says "terminated"; the reason is its cause), or too slow.
    throw new ImageResolveError(`failed to copy: ${what}: ${fetchErrorReason(err)}`);
  }
  const { bytes, more } = read;
  if (more) throw new ImageResolveError(`rejecting ${what} of more than ${limit} bytes: not found`);
  // A size of 0 (or none) is not checked, as Copy and Commit check only a positive one.
  if (expectSize !== undefined && expectSize > 0) {
    const size = BigInt(expectSize);
    if (BigInt(bytes.length) < size) {
      throw new ImageResolveError(`short read: expected ${size} bytes but got ${bytes.length}: unexpected EOF`);
    }
    if (BigInt(bytes.length) > size) {
      throw new ImageResolveError(`unexpected commit size ${bytes.length}, expected ${size}: failed precondition`);
    }
  }
  return bytes;
}

/** The registry's own error text ({"errors":[{code,message}]}), as containerd prints it. */
function registryErrorText(text: string): string {
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    return (parsed.errors ?? [])
      .map((e) => [e.code?.toLowerCase().replace(/_/g, ' '), e.message].filter(Boolean).join(': '))
      .join(', ');
  } catch {
    return '';
  }
}

function registryErrorSuffix(text: string): string {
  const t = registryErrorText(text);
  return t === '' ? '' : `\n${t}`;
}
