// The states a build starts from: scratch, images, local directories, git
// repositories, HTTP files, OCI layouts; and the merge/diff combinators.
// Attributes and capabilities follow Go's client/llb/source.go.
import { argumentError, checkOptions, checkState, checkString, isStateLike } from './args.ts';
import type { ConstraintsOptions } from './constraints.ts';
import { addCap, resolveConstraints, resolveSharedConstraints } from './constraints.ts';
import { Caps } from './caps.ts';
import { LLBError } from './errors.ts';
import { parseGitURL } from './giturl.ts';
import { joinPath } from '../go/path.ts';
import { goJSONStringify } from '../go/json.ts';
import type { Platform } from '../platform/platform.ts';
import { formatReference, parseNormalizedNamed, tagNameOnly } from './reference.ts';
import { DiffOp, MergeOp } from './ops/merge.ts';
import { SourceOp } from './ops/source.ts';
import { State } from './state.ts';

/** The empty filesystem. */
export function scratch(): State {
  return State.fromOutput(undefined);
}

export type ResolveMode = 'default' | 'pull' | 'local';

export interface ImageOptions extends ConstraintsOptions {
  /** image.resolvemode: "default" (omitted from attrs), "pull" or "local". */
  readonly resolveMode?: ResolveMode;
  /** Mark the image as internal (image.recordtype "internal"). */
  readonly internal?: boolean;
  /** image.layerlimit */
  readonly layerLimit?: number;
  /** image.checksum: the expected manifest digest. */
  readonly checksum?: string;
}

/** Resolves an image's config for `resolvedImage` (a registry client, a gateway, ...). */
export interface ImageMetaResolver {
  resolveImageConfig(
    ref: string,
    opts: { platform?: Platform; resolveMode: string },
  ): Promise<{ ref: string; digest?: string; config: Uint8Array }>;
}

function imageSource(ref: string, opts: ImageOptions): { source: SourceOp; normalized: string | undefined } {
  let normalized: string | undefined;
  let error: LLBError | undefined;
  try {
    normalized = formatReference(tagNameOnly(parseNormalizedNamed(ref)));
  } catch (err) {
    if (!(err instanceof LLBError)) throw err;
    error = err;
  }
  const c = resolveConstraints(opts);
  addCap(c, Caps.sourceImage);
  const attrs: Record<string, string> = {};
  const mode = opts.resolveMode ?? 'default';
  if (mode !== 'default') {
    attrs['image.resolvemode'] = mode;
    if (mode === 'pull') addCap(c, Caps.sourceImageResolveMode);
  }
  if (opts.internal) attrs['image.recordtype'] = 'internal';
  if (opts.layerLimit !== undefined) {
    attrs['image.layerlimit'] = String(opts.layerLimit);
    addCap(c, Caps.sourceImageLayerLimit);
  }
  if (opts.checksum) {
    attrs['image.checksum'] = opts.checksum;
    addCap(c, Caps.sourceImageChecksum);
  }
  return { source: new SourceOp(`docker-image://${normalized ?? ref}`, attrs, c, error), normalized };
}

/** A container image (docker-image://); the reference is normalised (alpine -> docker.io/library/alpine:latest). */
export function image(ref: string, opts: ImageOptions = {}): State {
  checkString('image', 'ref', ref);
  checkOptions('image', opts);
  return State.fromOutput(imageSource(ref, opts).source.output);
}

/**
 * An image whose config is fetched first, so the state starts with the
 * image's Env, WorkingDir and platform (Go's llb.Image with WithMetaResolver).
 * With `resolveDigest`, the image is pinned to the digest the resolver returns.
 */
export async function resolvedImage(
  ref: string,
  resolver: ImageMetaResolver,
  opts: ImageOptions & { readonly resolveDigest?: boolean } = {},
): Promise<State> {
  if (typeof resolver !== 'object' || resolver === null || typeof (resolver as { resolveImageConfig?: unknown }).resolveImageConfig !== 'function') {
    throw argumentError('resolvedImage', 'resolver', 'an object with a resolveImageConfig method', resolver);
  }
  checkString('resolvedImage', 'ref', ref);
  const { source, normalized } = imageSource(ref, opts);
  if (normalized === undefined) return State.fromOutput(source.output);
  const parsed = parseNormalizedNamed(normalized);
  const req: { platform?: Platform; resolveMode: string } = { resolveMode: opts.resolveMode ?? 'default' };
  if (opts.platform) req.platform = opts.platform;
  const res = await resolver.resolveImageConfig(normalized, req);
  if (parsed.digest !== undefined || !opts.resolveDigest) {
    return State.fromOutput(source.output).withImageConfig(res.config);
  }
  let pinned = parseNormalizedNamed(res.ref);
  if (res.digest) pinned = { ...pinned, digest: res.digest };
  const pinnedSource = imageSource(formatReference(pinned), opts).source;
  return State.fromOutput(pinnedSource.output).withImageConfig(res.config);
}

export interface LocalOptions extends ConstraintsOptions {
  readonly sessionId?: string;
  readonly includePatterns?: readonly string[];
  readonly excludePatterns?: readonly string[];
  readonly followPaths?: readonly string[];
  readonly sharedKeyHint?: string;
  /** local.differ: "none" or "metadata"; `required` also records the capability. */
  readonly differ?: { readonly type: 'none' | 'metadata'; readonly required?: boolean };
  /** Transfer metadata only, except for these paths (local.metadatatransfer). */
  readonly metadataOnly?: { readonly exceptions?: readonly string[] };
}

/** A directory sent by the client (local://name). */
export function local(name: string, opts: LocalOptions = {}): State {
  checkString('local', 'name', name);
  checkOptions('local', opts);
  const c = resolveConstraints(opts);
  const attrs: Record<string, string> = {};
  if (opts.sessionId) {
    attrs['local.session'] = opts.sessionId;
    addCap(c, Caps.sourceLocalSessionID);
  }
  if (opts.includePatterns && opts.includePatterns.length > 0) {
    attrs['local.includepattern'] = goJSONStringify(opts.includePatterns);
    addCap(c, Caps.sourceLocalIncludePatterns);
  }
  if (opts.followPaths && opts.followPaths.length > 0) {
    attrs['local.followpaths'] = goJSONStringify(opts.followPaths);
    addCap(c, Caps.sourceLocalFollowPaths);
  }
  if (opts.excludePatterns && opts.excludePatterns.length > 0) {
    attrs['local.excludepatterns'] = goJSONStringify(opts.excludePatterns);
    addCap(c, Caps.sourceLocalExcludePatterns);
  }
  if (opts.sharedKeyHint) {
    attrs['local.sharedkeyhint'] = opts.sharedKeyHint;
    addCap(c, Caps.sourceLocalSharedKeyHint);
  }
  if (opts.differ) {
    attrs['local.differ'] = opts.differ.type;
    if (opts.differ.required) addCap(c, Caps.sourceLocalDiffer);
  }
  if (opts.metadataOnly) {
    attrs['local.metadatatransfer'] = 'true';
    const ex = opts.metadataOnly.exceptions;
    if (ex && ex.length > 0) attrs['local.metadatatransferexclude'] = goJSONStringify(ex);
    addCap(c, Caps.sourceMetadataTransfer);
  }
  addCap(c, Caps.sourceLocal);
  return State.fromOutput(new SourceOp(`local://${name}`, attrs, c).output);
}

export interface GitOptions extends ConstraintsOptions {
  readonly ref?: string;
  readonly subdir?: string;
  readonly keepGitDir?: boolean;
  /** Secret names for HTTP auth; default GIT_AUTH_TOKEN / GIT_AUTH_HEADER. Setting either records the httpauth cap. */
  readonly authTokenSecret?: string;
  readonly authHeaderSecret?: string;
  /** known_hosts lines for SSH remotes. */
  readonly knownSSHHosts?: string;
  /** SSH agent id for SSH remotes (default "default"). */
  readonly mountSSHSock?: string;
  readonly checksum?: string;
  readonly skipSubmodules?: boolean;
  /** git.mtime, e.g. "commit". */
  readonly mtime?: string;
  readonly fetchByCommit?: boolean;
}

/**
 * A git repository (git://). `fragment` is "ref[:subdir]" as in Dockerfile
 * git URLs. Unlike Go, an SSH remote without `knownSSHHosts` is not key-scanned.
 */
export function git(url: string, fragment = '', opts: GitOptions = {}): State {
  checkString('git', 'url', url);
  checkString('git', 'fragment', fragment);
  checkOptions('git', opts);
  let parsed = parseGitURL(url);
  if (!parsed.ok && parsed.reason === 'unknown-protocol') {
    url = `https://${url}`;
    parsed = parseGitURL(url);
  }
  if (parsed.ok) url = parsed.url.remote;
  let ref = '';
  let subdir = '';
  const colon = fragment.indexOf(':');
  const fragRef = colon >= 0 ? fragment.slice(0, colon) : fragment;
  let fragSub = colon >= 0 ? joinPath('/', fragment.slice(colon + 1)) : '';
  fragSub = fragSub.replace(/^\//, '');
  if (fragRef !== '') ref = fragRef;
  if (colon >= 0 && fragSub !== '') subdir = fragSub;
  if (opts.ref !== undefined) ref = opts.ref;
  if (opts.subdir !== undefined) subdir = opts.subdir;

  let id: string;
  if (!parsed.ok) id = url;
  else {
    id = parsed.url.host + joinPath('/', parsed.url.path);
    if (ref !== '' || subdir !== '') {
      id += `#${ref}`;
      if (subdir !== '') id += `:${subdir}`;
    }
  }
  const c = resolveConstraints(opts);
  const attrs: Record<string, string> = {};
  if (opts.keepGitDir) {
    attrs['git.keepgitdir'] = 'true';
    addCap(c, Caps.sourceGitKeepDir);
  }
  if (url !== '') {
    attrs['git.fullurl'] = url;
    addCap(c, Caps.sourceGitFullURL);
  }
  const addAuthCap = opts.authTokenSecret !== undefined || opts.authHeaderSecret !== undefined;
  const token = opts.authTokenSecret ?? 'GIT_AUTH_TOKEN';
  const header = opts.authHeaderSecret ?? 'GIT_AUTH_HEADER';
  if (token !== '') {
    attrs['git.authtokensecret'] = token;
    if (addAuthCap) addCap(c, Caps.sourceGitHTTPAuth);
  }
  if (header !== '') {
    attrs['git.authheadersecret'] = header;
    if (addAuthCap) addCap(c, Caps.sourceGitHTTPAuth);
  }
  if (parsed.ok && parsed.url.scheme === 'ssh') {
    if (opts.knownSSHHosts) attrs['git.knownsshhosts'] = `${opts.knownSSHHosts.replace(/\n$/, '')}\n`;
    addCap(c, Caps.sourceGitKnownSSHHosts);
    attrs['git.mountsshsock'] = opts.mountSSHSock || 'default';
    addCap(c, Caps.sourceGitMountSSHSock);
  }
  if (opts.checksum) {
    attrs['git.checksum'] = opts.checksum;
    addCap(c, Caps.sourceGitChecksum);
  }
  if (opts.skipSubmodules) {
    attrs['git.skipsubmodules'] = 'true';
    addCap(c, Caps.sourceGitSkipSubmodules);
  }
  if (opts.mtime) {
    attrs['git.mtime'] = opts.mtime;
    addCap(c, Caps.sourceGitMTime);
  }
  if (opts.fetchByCommit) {
    attrs['git.fetchbycommit'] = 'true';
    addCap(c, Caps.sourceGitFetchByCommit);
  }
  addCap(c, Caps.sourceGit);
  return State.fromOutput(new SourceOp(`git://${id}`, attrs, c).output);
}

export interface HTTPOptions extends ConstraintsOptions {
  /** The expected digest of the file (http.checksum). */
  readonly checksum?: string;
  readonly filename?: string;
  /** Permission bits of the downloaded file. */
  readonly chmod?: number;
  readonly chown?: { readonly uid: number; readonly gid: number };
  readonly authHeaderSecret?: string;
  readonly header?: { readonly accept?: string; readonly userAgent?: string };
}

/** A file downloaded over HTTP(S); the identifier is the URL itself. */
export function http(url: string, opts: HTTPOptions = {}): State {
  checkString('http', 'url', url);
  checkOptions('http', opts);
  const c = resolveConstraints(opts);
  const attrs: Record<string, string> = {};
  if (opts.checksum) {
    attrs['http.checksum'] = opts.checksum;
    addCap(c, Caps.sourceHTTPChecksum);
  }
  if (opts.filename) attrs['http.filename'] = opts.filename;
  const perm = (opts.chmod ?? 0) & 0o777;
  if (perm !== 0) {
    attrs['http.perm'] = `0${perm.toString(8)}`;
    addCap(c, Caps.sourceHTTPPerm);
  }
  if (opts.chown && opts.chown.uid !== 0) {
    attrs['http.uid'] = String(opts.chown.uid);
    addCap(c, Caps.sourceHTTPUIDGID);
  }
  if (opts.chown && opts.chown.gid !== 0) {
    attrs['http.gid'] = String(opts.chown.gid);
    addCap(c, Caps.sourceHTTPUIDGID);
  }
  if (opts.authHeaderSecret) {
    attrs['http.authheadersecret'] = opts.authHeaderSecret;
    addCap(c, Caps.sourceHTTPAuth);
  }
  if (opts.header) {
    if (opts.header.accept) attrs['http.header.accept'] = opts.header.accept;
    if (opts.header.userAgent) attrs['http.header.user-agent'] = opts.header.userAgent;
    addCap(c, Caps.sourceHTTPHeader);
  }
  addCap(c, Caps.sourceHTTP);
  return State.fromOutput(new SourceOp(url, attrs, c).output);
}

export interface OCILayoutOptions extends ConstraintsOptions {
  /** The session and store that hold the layout (oci.session, oci.store). */
  readonly store?: { readonly sessionId: string; readonly storeId: string };
  readonly layerLimit?: number;
}

/** An image from an OCI layout held by the client (oci-layout://). */
export function ociLayout(ref: string, opts: OCILayoutOptions = {}): State {
  checkString('ociLayout', 'ref', ref);
  checkOptions('ociLayout', opts);
  const c = resolveConstraints(opts);
  const attrs: Record<string, string> = {};
  if (opts.store?.sessionId) attrs['oci.session'] = opts.store.sessionId;
  if (opts.store?.storeId) attrs['oci.store'] = opts.store.storeId;
  if (opts.layerLimit !== undefined) attrs['oci.layerlimit'] = String(opts.layerLimit);
  addCap(c, Caps.sourceOCILayout);
  return State.fromOutput(new SourceOp(`oci-layout://${ref}`, attrs, c).output);
}

/** Layers stacked in order; scratch inputs are dropped, a single input is returned as is. */
export function merge(inputs: readonly State[], opts: ConstraintsOptions = {}): State {
  if (!Array.isArray(inputs) || !inputs.every(isStateLike)) throw argumentError('merge', 'inputs', 'an array of States', inputs);
  const live = inputs.filter((s) => s.output() !== undefined);
  if (live.length === 0) return scratch();
  if (live.length === 1) return live[0]!;
  const c = resolveSharedConstraints(opts, Caps.mergeOp);
  return live[0]!.withOutput(new MergeOp(live.map((s) => s.output()!), c).output);
}

/** The changes that turn `lower` into `upper`. */
export function diff(lower: State, upper: State, opts: ConstraintsOptions = {}): State {
  checkState('diff', 'lower', lower);
  checkState('diff', 'upper', upper);
  if (lower.output() === undefined) return upper.output() === undefined ? scratch() : upper;
  const c = resolveSharedConstraints(opts, Caps.diffOp);
  return lower.withOutput(new DiffOp(lower.output(), upper.output(), c).output);
}
