// image-spec's Index and Manifest as BuildKit's childrenConfigHandler decodes
// them (json.Unmarshal into ocispecs.Index / ocispecs.Manifest): a value of
// the wrong kind fails with Go's message ("json: cannot unmarshal number into
// Go struct field Index.manifests of type []v1.Descriptor"), JSON nested past
// Go's 10,000 levels fails as its scanner says, and what is decoded has the
// types the walk relies on (no `null` entry, no number where a digest goes).
import { OCI_PLATFORM_FIELDS, goUnmarshal, type GoField, type GoType } from '../go/unmarshal.ts';
import type { OCIPlatform } from '../platform/platform.ts';

const STRING: GoType = { kind: 'string' };
const STRING_MAP: GoType = { kind: 'map', elem: STRING };
const DIGEST: GoType = { kind: 'string', name: 'digest.Digest' };

const DESCRIPTOR_FIELDS: GoField[] = [
  { json: 'mediaType', type: STRING },
  { json: 'digest', type: DIGEST },
  { json: 'size', type: { kind: 'int', name: 'int64' } },
  { json: 'urls', type: { kind: 'slice', elem: STRING } },
  { json: 'annotations', type: STRING_MAP },
  { json: 'data', type: { kind: 'bytes' } },
  { json: 'platform', type: { kind: 'ptr', elem: { kind: 'struct', name: 'v1.Platform', fields: [...OCI_PLATFORM_FIELDS] } } },
  { json: 'artifactType', type: STRING },
];
const DESCRIPTOR: GoType = { kind: 'struct', name: 'v1.Descriptor', fields: DESCRIPTOR_FIELDS };

/** specs.Versioned's schemaVersion (embedded) and the fields Index and Manifest share. */
const COMMON_FIELDS: GoField[] = [
  { json: 'schemaVersion', via: ['Versioned'], type: { kind: 'int', name: 'int' } },
  { json: 'mediaType', type: STRING },
  { json: 'artifactType', type: STRING },
  { json: 'subject', type: { kind: 'ptr', elem: DESCRIPTOR } },
  { json: 'annotations', type: STRING_MAP },
];

const INDEX: GoType = {
  kind: 'struct',
  name: 'v1.Index',
  fields: [...COMMON_FIELDS, { json: 'manifests', type: { kind: 'slice', elem: DESCRIPTOR } }],
};
const MANIFEST: GoType = {
  kind: 'struct',
  name: 'v1.Manifest',
  fields: [...COMMON_FIELDS, { json: 'config', type: DESCRIPTOR }, { json: 'layers', type: { kind: 'slice', elem: DESCRIPTOR } }],
};

/** A decoded descriptor: the fields present (Go's zero values where absent). */
export interface DecodedDescriptor {
  mediaType?: string;
  digest?: string;
  /** An int64: a number, or a bigint beyond 2^53. */
  size?: number | bigint;
  platform?: OCIPlatform;
}

export interface DecodedIndex {
  /** A `null` element decodes to undefined (Go's zero Descriptor). */
  manifests?: (DecodedDescriptor | undefined)[];
}

export interface DecodedManifest {
  config?: DecodedDescriptor;
}

/** json.Unmarshal(body, &ocispecs.Index{}); throws a GoJSONError with Go's message. */
export function decodeIndex(body: Uint8Array): DecodedIndex {
  return (goUnmarshal(Buffer.from(body).toString('utf8'), INDEX) ?? {}) as DecodedIndex;
}

/** json.Unmarshal(body, &ocispecs.Manifest{}); throws a GoJSONError with Go's message. */
export function decodeManifest(body: Uint8Array): DecodedManifest {
  return (goUnmarshal(Buffer.from(body).toString('utf8'), MANIFEST) ?? {}) as DecodedManifest;
}

/**
 * BuildKit's DetectManifestBlobMediaType reads mediaType, and whether config,
 * manifests and layers are present, as json.RawMessage: any kind of value.
 */
const PRESENT: GoType = { kind: 'custom', name: 'json.RawMessage', parse: () => true };
const MEDIA_TYPE_PROBE: GoType = {
  kind: 'struct',
  name: 'struct { MediaType *string "json:\\"mediaType\\""; Config json.RawMessage "json:\\"config\\""; Manifests json.RawMessage "json:\\"manifests\\""; Layers json.RawMessage "json:\\"layers\\"" }',
  fields: [
    { json: 'mediaType', type: { kind: 'ptr', elem: STRING } },
    { json: 'config', type: PRESENT },
    { json: 'manifests', type: PRESENT },
    { json: 'layers', type: PRESENT },
  ],
};

export interface MediaTypeProbe {
  mediaType?: string;
  config?: true;
  manifests?: true;
  layers?: true;
}

/** The fields DetectManifestBlobMediaType looks at; throws a GoJSONError with Go's message. */
export function probeMediaType(body: Uint8Array): MediaTypeProbe {
  return (goUnmarshal(Buffer.from(body).toString('utf8'), MEDIA_TYPE_PROBE) ?? {}) as MediaTypeProbe;
}

/** image-spec's v1.Image, as far as images.Config reads it to check a platform-less index entry's platform. */
const IMAGE_PLATFORM: GoType = {
  kind: 'struct',
  name: 'v1.Image',
  fields: OCI_PLATFORM_FIELDS.map((f) => ({ ...f, via: ['Platform'] })),
};

/** An image config's platform fields; throws a GoJSONError with Go's message. */
export function decodeConfigPlatform(body: Uint8Array): OCIPlatform {
  return (goUnmarshal(Buffer.from(body).toString('utf8'), IMAGE_PLATFORM) ?? {}) as OCIPlatform;
}
