// Docker image references, normalised as distribution/reference's
// ParseNormalizedNamed + TagNameOnly do: "alpine" -> "docker.io/library/alpine:latest".
import { LLBError } from './errors.ts';

export interface ImageReference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_HEX64 = /^[a-f0-9]{64}$/;

/** Parses and normalises a reference; throws LLBError('invalid-reference') as Go would fail. */
export function parseNormalizedNamed(ref: string): ImageReference {
  if (ANCHORED_HEX64.test(ref)) {
    throw new LLBError('invalid-reference', `invalid repository name (${ref}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(ref);
  const colon = remainder.indexOf(':');
  const remoteName = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    throw new LLBError('invalid-reference', 'invalid reference format: repository name (library/Foo) must be lowercase'.replace('library/Foo', remoteName));
  }
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m) throw new LLBError('invalid-reference', 'invalid reference format');
  const name = m[1]!;
  if (name.length > 255) throw new LLBError('invalid-reference', 'repository name must not be more than 255 characters');
  const slash = name.indexOf('/');
  const out: { domain: string; path: string; tag?: string; digest?: string } = {
    domain: name.slice(0, slash),
    path: name.slice(slash + 1),
  };
  if (m[2] !== undefined) out.tag = m[2];
  if (m[3] !== undefined) {
    const [alg, hex] = m[3].split(':') as [string, string];
    if (alg === 'sha256' && !/^[a-f0-9]{64}$/.test(hex)) throw new LLBError('invalid-reference', 'invalid checksum digest length');
    out.digest = m[3];
  }
  return out;
}

function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf('/');
  let domain: string;
  let remainder: string;
  if (i === -1 || (!/[.:]/.test(name.slice(0, i)) && name.slice(0, i) !== 'localhost' && name.slice(0, i).toLowerCase() === name.slice(0, i))) {
    domain = 'docker.io';
    remainder = name;
  } else {
    domain = name.slice(0, i);
    remainder = name.slice(i + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/** Adds ":latest" when a reference has neither tag nor digest. */
export function tagNameOnly(r: ImageReference): ImageReference {
  return r.tag === undefined && r.digest === undefined ? { ...r, tag: 'latest' } : r;
}

export function formatReference(r: ImageReference): string {
  return `${r.domain}/${r.path}${r.tag !== undefined ? `:${r.tag}` : ''}${r.digest !== undefined ? `@${r.digest}` : ''}`;
}
