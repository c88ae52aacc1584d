// How BuildKit's Dockerfile frontend turns a FROM/--from image name into the
// identifier of an image source: normalize (ParseNormalizedNamed), add
// ":latest" when untagged (TagNameOnly), then, once resolved, pin the digest
// next to the tag (WithDigest), e.g. docker.io/library/alpine:3.19@sha256:….
import { parseNormalizedNamed, tagNameOnly, withDigest } from './reference.ts';

export const DOCKER_IMAGE_SCHEME = 'docker-image://';

/** "alpine" -> "docker.io/library/alpine:latest"; throws upstream's parse errors. */
export function normalizeImageName(name: string): string {
  return tagNameOnly(parseNormalizedNamed(name)).toString();
}

/** Adds the resolved digest, keeping any tag: "…:3.19" -> "…:3.19@sha256:…". */
export function pinDigest(ref: string, digest: string): string {
  const named = parseNormalizedNamed(ref);
  return digest === '' ? named.toString() : withDigest(named, digest).toString();
}

/**
 * The SourceOp identifier llb.Image builds: the normalized, tagged name when
 * it parses, otherwise the text unchanged (upstream defers that error).
 */
export function dockerImageIdentifier(ref: string): string {
  let normalized = ref;
  try {
    normalized = tagNameOnly(parseNormalizedNamed(ref)).toString();
  } catch {
    // Kept as given: llb.Image records the parse error on the op instead.
  }
  return DOCKER_IMAGE_SCHEME + normalized;
}
