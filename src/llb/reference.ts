// Docker image references for image sources, normalised as Go's llb.Image
// does (distribution/reference ParseNormalizedNamed + TagNameOnly):
// "alpine" -> "docker.io/library/alpine:latest". The grammar itself lives in
// src/registry/reference.ts (checked against upstream's own test vectors);
// this adapter gives the SDK its plain data shape and typed LLBError.
import { checkString } from './args.ts';
import * as registry from '../registry/reference.ts';
import { LLBError } from './errors.ts';

export interface ImageReference {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/** Parses and normalises a reference; throws LLBError('invalid-reference') as Go would fail. */
export function parseNormalizedNamed(ref: string): ImageReference {
  checkString('parseNormalizedNamed', 'ref', ref);
  let named: registry.NamedReference;
  try {
    named = registry.parseNormalizedNamed(ref);
  } catch (err) {
    throw new LLBError('invalid-reference', err instanceof Error ? err.message : String(err));
  }
  const out: { domain: string; path: string; tag?: string; digest?: string } = { domain: named.domain, path: named.path };
  if (named.tag !== undefined) out.tag = named.tag;
  if (named.digest !== undefined) out.digest = named.digest;
  return out;
}

/** Adds ":latest" when a reference has neither tag nor digest. */
export function tagNameOnly(r: ImageReference): ImageReference {
  return r.tag === undefined && r.digest === undefined ? { ...r, tag: 'latest' } : r;
}

export function formatReference(r: ImageReference): string {
  return `${r.domain}/${r.path}${r.tag !== undefined ? `:${r.tag}` : ''}${r.digest !== undefined ? `@${r.digest}` : ''}`;
}
