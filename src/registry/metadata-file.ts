// An offline ImageResolver for `--image-metadata FILE`: a JSON object keyed by
// the normalized reference exactly as the converter asks for it
// ("docker.io/library/alpine:3.19"), optionally suffixed "@os/arch" or
// "@os/arch/variant" for a platform-specific entry, which wins over the plain
// key. Each value is {"digest": "sha256:…", "config": {…OCI image config…}}.
import { readFileSync } from 'node:fs';
import { validateDigest } from './digest.ts';
import { parseGoJSON, rawJSONText } from '../go/unmarshal.ts';
import { goDecodeUTF8 } from '../go/strings.ts';
import { compactJSON, maskEscapes, objectMembers } from '../go/json-scan.ts';
import { formatPlatform, normalizePlatform } from '../platform/platform.ts';
import { ImageResolveError, type ImageResolver, type ResolveOptions, type ResolvedImage } from './resolver.ts';

export interface ImageMetadataEntry {
  digest: string;
  config: unknown;
}

export type ImageMetadata = Record<string, ImageMetadataEntry>;

function isEntry(v: unknown): v is ImageMetadataEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  // The config is any JSON value: it is decoded, as upstream decodes it, when an image is resolved.
  return typeof e.digest === 'string' && e.config !== undefined;
}

/** Checks the file's shape up front so a typo fails before any build work. */
export function parseImageMetadata(text: string, source: string): ImageMetadata {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImageResolveError(`invalid image metadata file ${source}: ${(err as Error).message}`);
  }
  return checkImageMetadata(data, `file ${source}`);
}

/**
 * The shape of image metadata, a file's or an object a caller built: an
 * object of entries, each with a valid "digest" and a "config".
 */
function checkImageMetadata(data: unknown, what: string): ImageMetadata {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImageResolveError(`invalid image metadata ${what}: expected a JSON object`);
  }
  for (const [key, value] of Object.entries(data)) {
    if (!isEntry(value)) {
      throw new ImageResolveError(`invalid image metadata ${what}: entry ${JSON.stringify(key)} needs a "digest" string and a "config"`);
    }
    const bad = validateDigest(value.digest);
    if (bad !== undefined) {
      throw new ImageResolveError(`invalid image metadata ${what}: entry ${JSON.stringify(key)}: ${bad}`);
    }
  }
  return data as ImageMetadata;
}

export class MetadataFileResolver implements ImageResolver {
  /** Each entry's config as JSON bytes, made on first use (a Dockerfile resolves the same few images again and again). */
  private readonly configBytes = new Map<string, Uint8Array>();

  private readonly metadata: ImageMetadata;

  /** `metadata` as a file holds it (the entries are checked now, as a file's are when it is read). */
  constructor(
    metadata: ImageMetadata,
    /** Named in errors, normally the file path. */
    private readonly source: string,
  ) {
    this.metadata = checkImageMetadata(metadata, String(source));
  }

  static fromFile(path: string): MetadataFileResolver {
    // Bytes that are no UTF-8 each become U+FFFD, as Go's JSON decoder reads them.
    const text = goDecodeUTF8(readFileSync(path));
    const r = new MetadataFileResolver(parseImageMetadata(text, path), path);
    r.text = text;
    return r;
  }

  /** The file's text, when it came from one: configs are passed on as written there (numbers keep their spelling). */
  private text: string | undefined;
  private configs: Map<string, string | (() => string)> | undefined;

  private configText(key: string): string | undefined {
    const text = this.text;
    if (text === undefined) return undefined;
    if (this.configs === undefined) {
      // Each entry's last "config" member, found without decoding the file
      // (one config can be megabytes); written out on first use.
      const spans = new Map<string, { start: number; end: number }>();
      let deep = false;
      const mask = maskEscapes(text);
      for (const entry of objectMembers(text, text.search(/\S/), mask)) {
        // The file's level and the entry's own: Go's decoder stops at 10,000.
        if (entry.depth + 1 >= 10000) deep = true;
        if (text[entry.start] !== '{') continue;
        const config = objectMembers(text, entry.start, mask).filter((m) => m.key === 'config').at(-1);
        if (config !== undefined) spans.set(entry.key, config);
      }
      this.configs = new Map();
      if (deep) {
        // Decoded as before, to fail as before.
        const doc = parseGoJSON(text);
        if (doc.t === 'object') {
          for (const [k, v] of doc.v) {
            const config = v.t === 'object' ? v.v.filter(([f]) => f === 'config').at(-1) : undefined;
            if (config !== undefined) this.configs.set(k, rawJSONText(config[1]));
          }
        }
      } else {
        for (const [k, span] of spans) this.configs.set(k, () => compactJSON(text, span.start, span.end, mask));
      }
    }
    const c = this.configs.get(key);
    return typeof c === 'function' ? c() : c;
  }

  async resolve(ref: string, opts: ResolveOptions): Promise<ResolvedImage> {
    const platform = formatPlatform(normalizePlatform(opts.platform));
    // Also try the spelling with an arm64 "v8" variant, which normalization drops.
    const keys = [`${ref}@${platform}`, `${ref}@${formatPlatform(opts.platform)}`, ref];
    for (const key of keys) {
      const entry = Object.hasOwn(this.metadata, key) ? this.metadata[key] : undefined;
      if (entry !== undefined) {
        let config = this.configBytes.get(key);
        if (config === undefined) {
          config = new TextEncoder().encode(this.configText(key) ?? JSON.stringify(entry.config));
          this.configBytes.set(key, config);
        }
        // A copy: the caller owns what it is given.
        return { ref, digest: entry.digest, config: config.slice() };
      }
    }
    throw new ImageResolveError(`image metadata for ${ref} (${platform}) not found in ${this.source}`);
  }
}
