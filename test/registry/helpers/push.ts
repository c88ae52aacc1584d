// Pushes test images to a registry through the distribution API, as a client
// like `docker push` would: blobs by upload session, then manifests by tag.
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export interface PushTarget {
  host: string;
  repo: string;
  /** A ready "Bearer …" value when the registry needs auth. */
  authorization?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { os: string; architecture: string; variant?: string };
}

export function digestOf(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function headers(t: PushTarget, extra: Record<string, string> = {}): Record<string, string> {
  return t.authorization ? { ...extra, Authorization: t.authorization } : extra;
}

export async function pushBlob(t: PushTarget, data: Uint8Array, mediaType: string): Promise<Descriptor> {
  const digest = digestOf(data);
  const start = await fetch(`http://${t.host}/v2/${t.repo}/blobs/uploads/`, { method: 'POST', headers: headers(t) });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const location = new URL(start.headers.get('location') ?? '', `http://${t.host}`);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: headers(t, { 'Content-Type': 'application/octet-stream' }),
    // A copy backed by a plain ArrayBuffer, which fetch's body type requires.
    body: new Uint8Array(data),
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return { mediaType, digest, size: data.length };
}

export async function pushManifest(t: PushTarget, reference: string, body: Uint8Array, mediaType: string): Promise<Descriptor> {
  const res = await fetch(`http://${t.host}/v2/${t.repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: headers(t, { 'Content-Type': mediaType }),
    body: new Uint8Array(body),
  });
  if (res.status !== 201) throw new Error(`manifest push: ${res.status} ${await res.text()}`);
  return { mediaType, digest: digestOf(body), size: body.length };
}

/** A one-file ustar archive: enough to be a real layer with a real diff ID. */
export function tarWithFile(name: string, content: string): Uint8Array {
  const data = Buffer.from(content);
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148); // checksum field counts as spaces while summing
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, pad, Buffer.alloc(1024)]);
}

export interface BuiltImage {
  manifest: Descriptor;
  config: Uint8Array;
}

/** Pushes one layer, its config and an OCI manifest (untagged unless tag is given). */
export async function pushImage(
  t: PushTarget,
  platform: { os: string; architecture: string; variant?: string },
  tag?: string,
): Promise<BuiltImage> {
  const label = [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
  const tar = tarWithFile('hello.txt', `hello from ${label}\n`);
  const layer = await pushBlob(t, gzipSync(tar), 'application/vnd.oci.image.layer.v1.tar+gzip');
  const config = Buffer.from(
    JSON.stringify({
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant ? { variant: platform.variant } : {}),
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['/bin/sh'], Labels: { platform: label } },
      rootfs: { type: 'layers', diff_ids: [digestOf(tar)] },
      history: [{ created_by: `ADD hello.txt # ${label}` }],
    }),
  );
  const configDesc = await pushBlob(t, config, 'application/vnd.oci.image.config.v1+json');
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: configDesc,
      layers: [layer],
    }),
  );
  const desc = await pushManifest(t, tag ?? digestOf(manifest), manifest, 'application/vnd.oci.image.manifest.v1+json');
  return { manifest: { ...desc, platform }, config };
}

export async function pushIndex(t: PushTarget, tag: string, manifests: Descriptor[], mediaType: string): Promise<Descriptor> {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }));
  return pushManifest(t, tag, body, mediaType);
}
