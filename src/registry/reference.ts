// Docker image references, as github.com/distribution/reference v0.6.0 (the
// version BuildKit v0.32.2 uses) parses, normalizes and prints them.
//
// Upstream matches one big RE2 regular expression. RE2 runs in linear time; a
// JavaScript RegExp with the same nested repetitions could backtrack
// catastrophically, so the grammar is checked by small hand-written scanners
// instead. The reference splits deterministically: '@' can only start the
// digest, and a ':' after the last '/' can only start the tag (the remote name
// has no ':' and a domain must be followed by '/').
import { hasDigestShape, validateDigest } from './digest.ts';
import { goToLower } from '../go/strings.ts';

/** Upstream's RepositoryNameTotalLengthMax (applies to the path, not the domain). */
export const NAME_TOTAL_LENGTH_MAX = 255;
const TAG_LENGTH_MAX = 128;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';

export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format';
export const ERR_TAG_INVALID_FORMAT = 'invalid tag format';
export const ERR_DIGEST_INVALID_FORMAT = 'invalid digest format';
export const ERR_NAME_CONTAINS_UPPERCASE = 'repository name must be lowercase';
export const ERR_NAME_EMPTY = 'repository name must have at least one component';
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
export const ERR_NAME_NOT_CANONICAL = 'repository name must be canonical';

export class ReferenceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceFormatError';
  }
}

/** A reference with a repository name, and optionally a tag and/or a digest. */
export class NamedReference {
  constructor(
    /** Registry host[:port]; '' when the reference has none (only from `parse`). */
    readonly domain: string,
    readonly path: string,
    readonly tag?: string,
    readonly digest?: string,
  ) {}

  get name(): string {
    return this.domain === '' ? this.path : `${this.domain}/${this.path}`;
  }

  toString(): string {
    let s = this.name;
    if (this.tag !== undefined) s += `:${this.tag}`;
    if (this.digest !== undefined) s += `@${this.digest}`;
    return s;
  }

  /** The short form users type: docker.io and library/ dropped (upstream's Familiar). */
  familiar(): NamedReference {
    let domain = this.domain;
    let path = this.path;
    if (domain === DEFAULT_DOMAIN) {
      domain = '';
      if (path.startsWith(OFFICIAL_REPO_PREFIX)) {
        const rest = path.slice(OFFICIAL_REPO_PREFIX.length);
        if (!rest.includes('/')) path = rest;
      }
    }
    return new NamedReference(domain, path, this.tag, this.digest);
  }
}

/** A bare digest (only `parseAnyReference` produces one). */
export class DigestReference {
  constructor(readonly digest: string) {}
  toString(): string {
    return this.digest;
  }
}

export type Reference = NamedReference | DigestReference;

// ---- character classes -----------------------------------------------------

function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

function isAlnum(c: number): boolean {
  return isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
}

function isWord(c: number): boolean {
  return isAlnum(c) || c === 0x5f;
}

function isDigitsOnly(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}


// ---- grammar pieces ----------------------------------------------------------

/** `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` */
function isPathComponent(s: string, start: number, end: number): boolean {
  if (start >= end) return false;
  let i = start;
  for (;;) {
    // One alphanumeric run.
    if (i >= end || !isLowerAlnum(s.charCodeAt(i))) return false;
    while (i < end && isLowerAlnum(s.charCodeAt(i))) i++;
    if (i === end) return true;
    // One separator: '.', '_', '__', or any number of '-'.
    const c = s.charCodeAt(i);
    if (c === 0x2e) i++;
    else if (c === 0x5f) i += s.charCodeAt(i + 1) === 0x5f && i + 1 < end ? 2 : 1;
    else if (c === 0x2d) while (i < end && s.charCodeAt(i) === 0x2d) i++;
    else return false;
  }
}

/** pathComponent ('/' pathComponent)* */
function isRemoteName(s: string): boolean {
  let start = 0;
  for (;;) {
    const slash = s.indexOf('/', start);
    const end = slash < 0 ? s.length : slash;
    if (!isPathComponent(s, start, end)) return false;
    if (slash < 0) return true;
    start = slash + 1;
  }
}

/** `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]` */
function isDomainLabel(s: string): boolean {
  if (s === '') return false;
  if (!isAlnum(s.charCodeAt(0)) || !isAlnum(s.charCodeAt(s.length - 1))) return false;
  for (let i = 1; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (!isAlnum(c) && c !== 0x2d) return false;
  }
  return true;
}

/** host (':' [0-9]+)?, host being a dotted domain name or a bracketed IPv6 address. */
function isDomainAndPort(s: string): boolean {
  let rest: string;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 2) return false;
    for (let i = 1; i < close; i++) {
      const c = s.charCodeAt(i);
      const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
      if (!hex && c !== 0x3a) return false;
    }
    rest = s.slice(close + 1);
  } else {
    const colon = s.indexOf(':');
    const host = colon < 0 ? s : s.slice(0, colon);
    if (!host.split('.').every(isDomainLabel)) return false;
    rest = colon < 0 ? '' : s.slice(colon);
  }
  return rest === '' || (rest.startsWith(':') && isDigitsOnly(rest.slice(1)));
}

/** `[\w][\w.-]{0,127}` */
export function isValidTag(s: string): boolean {
  if (s === '' || s.length > TAG_LENGTH_MAX || !isWord(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isWord(c) && c !== 0x2e && c !== 0x2d) return false;
  }
  return true;
}

/** Splits a name into domain and path, preferring a domain as RE2 does. */
function splitName(name: string): { domain: string; path: string } | undefined {
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const domain = name.slice(0, slash);
    const path = name.slice(slash + 1);
    if (isDomainAndPort(domain) && isRemoteName(path)) return { domain, path };
  }
  return isRemoteName(name) ? { domain: '', path: name } : undefined;
}

interface Parts {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** The whole-reference grammar; undefined when it does not match. */
function matchReference(s: string): Parts | undefined {
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    if (!hasDigestShape(digest)) return undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    if (!isValidTag(tag)) return undefined;
    rest = rest.slice(0, colon);
  }
  const name = splitName(rest);
  if (name === undefined) return undefined;
  return { ...name, tag, digest };
}

// ---- public API (named after upstream's functions) ---------------------------

/** reference.Parse: no normalization; "foo/bar" has domain "foo". */
export function parse(s: string): NamedReference {
  const m = matchReference(s);
  if (m === undefined) {
    if (s === '') throw new ReferenceFormatError(ERR_NAME_EMPTY);
    if (matchReference(goToLower(s)) !== undefined) throw new ReferenceFormatError(ERR_NAME_CONTAINS_UPPERCASE);
    throw new ReferenceFormatError(ERR_REFERENCE_INVALID_FORMAT);
  }
  if (m.path.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceFormatError(ERR_NAME_TOO_LONG);
  if (m.digest !== undefined) {
    const err = validateDigest(m.digest);
    if (err !== undefined) throw new ReferenceFormatError(err);
  }
  return new NamedReference(m.domain, m.path, m.tag, m.digest);
}

/** Docker Hub's defaults: a bare name gets docker.io and library/. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const maybeDomain = name.slice(0, slash);
  const maybeRemainder = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
    [domain, remainder] = [DEFAULT_DOMAIN, maybeRemainder];
  } else if (maybeDomain.includes('.') || maybeDomain.includes(':')) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else if (goToLower(maybeDomain) !== maybeDomain) {
    [domain, remainder] = [maybeDomain, maybeRemainder];
  } else {
    [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** `^[a-f0-9]{64}$`: an image ID, which upstream refuses as a name. */
function isIdentifier(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** reference.ParseNormalizedNamed: "alpine" is docker.io/library/alpine. */
export function parseNormalizedNamed(s: string): NamedReference {
  let ref = normalizedNames.get(s);
  if (ref === undefined) {
    ref = parseNormalizedNamedUncached(s);
    if (normalizedNames.size >= NORMALIZED_NAMES_MAX) normalizedNames.clear();
    normalizedNames.set(s, ref);
  }
  return ref;
}

// References are immutable: one parse per name (a Dockerfile names the same
// few images in every stage, op and check).
const normalizedNames = new Map<string, NamedReference>();
const NORMALIZED_NAMES_MAX = 4096;

function parseNormalizedNamedUncached(s: string): NamedReference {
  if (isIdentifier(s)) {
    throw new ReferenceFormatError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (goToLower(remote) !== remote) {
    throw new ReferenceFormatError(`invalid reference format: repository name (${remote}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

/** reference.IsNameOnly */
export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** reference.TagNameOnly: adds ":latest" when there is neither tag nor digest. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? new NamedReference(ref.domain, ref.path, DEFAULT_TAG) : ref;
}

/** reference.WithName */
export function withName(name: string): NamedReference {
  const m = splitName(name);
  if (m === undefined) throw new ReferenceFormatError(ERR_REFERENCE_INVALID_FORMAT);
  if (m.path.length > NAME_TOTAL_LENGTH_MAX) throw new ReferenceFormatError(ERR_NAME_TOO_LONG);
  return new NamedReference(m.domain, m.path);
}

/** reference.WithTag: keeps an existing digest. */
export function withTag(ref: NamedReference, tag: string): NamedReference {
  if (!isValidTag(tag)) throw new ReferenceFormatError(ERR_TAG_INVALID_FORMAT);
  return new NamedReference(ref.domain, ref.path, tag, ref.digest);
}

/** reference.WithDigest: keeps an existing tag, so "a:1" becomes "a:1@sha256:…". */
export function withDigest(ref: NamedReference, digest: string): NamedReference {
  if (!hasDigestShape(digest)) throw new ReferenceFormatError(ERR_DIGEST_INVALID_FORMAT);
  return new NamedReference(ref.domain, ref.path, ref.tag, digest);
}

/** reference.TrimNamed: the repository alone. */
export function trimNamed(ref: NamedReference): NamedReference {
  return new NamedReference(ref.domain, ref.path);
}

/** reference.FamiliarName: "docker.io/library/alpine" is "alpine". */
export function familiarName(ref: NamedReference): string {
  return ref.familiar().name;
}

/** reference.FamiliarString: the familiar name with tag and digest. */
export function familiarString(ref: Reference): string {
  return ref instanceof NamedReference ? ref.familiar().toString() : ref.toString();
}

/** reference.ParseDockerRef: normalized, tagged latest, and a tag next to a digest dropped. */
export function parseDockerRef(s: string): NamedReference {
  const named = parseNormalizedNamed(s);
  if (named.tag !== undefined && named.digest !== undefined) {
    return withDigest(withName(named.name), named.digest);
  }
  return tagNameOnly(named);
}

/** reference.ParseAnyReference: also accepts an image ID or a bare digest. */
export function parseAnyReference(s: string): Reference {
  if (isIdentifier(s)) return new DigestReference(`sha256:${s}`);
  if (validateDigest(s) === undefined) return new DigestReference(s);
  return parseNormalizedNamed(s);
}

/** reference.ParseNamed: like parseNormalizedNamed, but the input must already be canonical. */
export function parseNamed(s: string): NamedReference {
  const named = parseNormalizedNamed(s);
  if (named.toString() !== s) throw new ReferenceFormatError(ERR_NAME_NOT_CANONICAL);
  return named;
}
