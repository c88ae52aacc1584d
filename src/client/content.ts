// Local content stores on the session (BuildKit's session/content: the
// containerd content service, the store chosen by the
// `buildkit-attachable-store-id` header): how the daemon reads and writes a
// local cache directory (`--cache-from/--cache-to type=local`,
// BUILDKIT_LOCAL_CACHE_IMPORT / _EXPORT). A store is an OCI layout: blobs
// under blobs/sha256/, partial writes under ingest/, and index.json naming
// the cache manifest by tag (written as BuildKit's client/ociindex does).
import * as grpc from '@grpc/grpc-js';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../gen/containerd.services.content.v1.ts';
import { mkdirAll } from '../go/os.ts';
import type { Timestamp } from '../gen/google.protobuf.ts';

type Call = grpc.ServerDuplexStream<api.WriteContentRequest, api.WriteContentResponse>;

function ts(ms: number): Timestamp {
  return { seconds: Math.floor(ms / 1000), nanos: Math.round((ms % 1000) * 1e6) };
}

function rpcError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

function blobPath(dir: string, digest: string): string | undefined {
  const m = /^sha256:([0-9a-f]{64})$/.exec(digest);
  return m ? join(dir, 'blobs', 'sha256', m[1]!) : undefined;
}

interface Ingest {
  path: string;
  fd: number;
  hash: ReturnType<typeof createHash>;
  offset: number;
  started: number;
  updated: number;
  total: number;
}

/** A content store in a directory: what the session's Content service serves for it. */
export class LocalStore {
  private readonly ingests = new Map<string, Ingest>();
  constructor(readonly dir: string) {}

  info(digest: string): api.Info {
    const p = blobPath(this.dir, digest);
    if (p === undefined) throw rpcError(grpc.status.INVALID_ARGUMENT, `invalid digest ${digest}`);
    let st;
    try {
      st = statSync(p);
    } catch {
      throw rpcError(grpc.status.NOT_FOUND, `content digest ${digest}: not found`);
    }
    return { digest, size: st.size, created_at: ts(st.ctimeMs), updated_at: ts(st.mtimeMs) };
  }

  has(digest: string): boolean {
    const p = blobPath(this.dir, digest);
    return p !== undefined && existsSync(p);
  }

  read(req: api.ReadContentRequest, call: grpc.ServerWritableStream<api.ReadContentRequest, api.ReadContentResponse>): void {
    const digest = req.digest ?? '';
    const info = this.info(digest);
    const size = Number(info.size ?? 0);
    let offset = Math.max(Number(req.offset ?? 0), 0);
    if (offset > size) throw rpcError(grpc.status.OUT_OF_RANGE, `read past object length ${size} bytes`);
    let n = Number(req.size ?? 0);
    if (n <= 0 || offset + n > size) n = size - offset;
    const fd = openSync(blobPath(this.dir, digest)!, 'r');
    const buf = Buffer.alloc(1 << 20);
    const pump = (): void => {
      try {
        while (n > 0) {
          const got = readSync(fd, buf, 0, Math.min(buf.length, n), offset);
          if (got === 0) break;
          const ok = call.write({ offset, data: Buffer.from(buf.subarray(0, got)) });
          offset += got;
          n -= got;
          if (!ok) {
            call.once('drain', pump);
            return;
          }
        }
        closeSync(fd);
        call.end();
      } catch (e) {
        closeSync(fd);
        call.emit('error', rpcError(grpc.status.UNKNOWN, (e as Error).message));
      }
    };
    pump();
  }

  private ingest(ref: string, total: number): Ingest {
    let w = this.ingests.get(ref);
    if (w === undefined) {
      const dir = join(this.dir, 'ingest', createHash('sha256').update(ref).digest('hex'));
      mkdirAll(dir);
      const path = join(dir, 'data');
      const now = Date.now();
      w = { path, fd: openSync(path, 'w+'), hash: createHash('sha256'), offset: 0, started: now, updated: now, total };
      this.ingests.set(ref, w);
    }
    return w;
  }

  private drop(ref: string): void {
    const w = this.ingests.get(ref);
    if (w === undefined) return;
    this.ingests.delete(ref);
    try {
      closeSync(w.fd);
    } catch {
      /* closed */
    }
    rmSync(join(w.path, '..'), { recursive: true, force: true });
  }

  /** The Write stream, as containerd's content server answers it (STAT, WRITE, COMMIT). */
  async write(call: Call): Promise<void> {
    const it = (call.iterator({ destroyOnReturn: false }) as AsyncIterable<api.WriteContentRequest>)[Symbol.asyncIterator]();
    let r = await it.next();
    if (r.done === true) return;
    const ref = r.value.ref ?? '';
    if (ref === '') throw rpcError(grpc.status.INVALID_ARGUMENT, 'first message must have a reference');
    let total = Number(r.value.total ?? 0);
    let expected = r.value.expected ?? '';
    const w = this.ingest(ref, total);
    for (;;) {
      const req = r.value;
      const msg: api.WriteContentResponse = { action: req.action ?? api.WriteAction.STAT, offset: w.offset };
      if (req.expected) {
        expected = req.expected;
        if (this.has(expected)) {
          this.drop(ref);
          throw rpcError(grpc.status.ALREADY_EXISTS, `blob with expected digest ${expected} exists`);
        }
      }
      if (Number(req.total ?? 0) > 0) total = Number(req.total);
      const action = req.action ?? api.WriteAction.STAT;
      if (action === api.WriteAction.STAT) {
        msg.digest = 'sha256:' + w.hash.copy().digest('hex');
        msg.started_at = ts(w.started);
        msg.updated_at = ts(w.updated);
        msg.total = total;
      } else {
        const off = Number(req.offset ?? 0);
        if (off > 0 && off !== w.offset) throw rpcError(grpc.status.OUT_OF_RANGE, `write @${off} must occur at current offset ${w.offset}`);
        if (off === 0 && w.offset > 0) {
          // Start again from the beginning.
          closeSync(w.fd);
          w.fd = openSync(w.path, 'w+');
          w.hash = createHash('sha256');
          w.offset = 0;
          msg.offset = 0;
        }
        const data = req.data ?? new Uint8Array();
        if (data.length > 0) {
          writeSync(w.fd, data, 0, data.length, w.offset);
          w.hash.update(data);
          w.offset += data.length;
          w.updated = Date.now();
          msg.offset = w.offset;
        }
        const digest = 'sha256:' + w.hash.copy().digest('hex');
        if (action === api.WriteAction.COMMIT) {
          const size = fstatSync(w.fd).size;
          if (total > 0 && size !== total) throw rpcError(grpc.status.FAILED_PRECONDITION, `unexpected commit size ${size}, expected ${total}`);
          if (expected !== '' && expected !== digest) throw rpcError(grpc.status.FAILED_PRECONDITION, `unexpected commit digest ${digest}, expected ${expected}`);
          const target = blobPath(this.dir, digest)!;
          mkdirAll(join(target, '..'));
          closeSync(w.fd);
          renameSync(w.path, target);
          this.ingests.delete(ref);
          rmSync(join(w.path, '..'), { recursive: true, force: true });
        }
        msg.digest = digest;
      }
      call.write(msg);
      if (action === api.WriteAction.COMMIT) return;
      r = await it.next();
      if (r.done === true) return;
    }
  }

  status(ref: string): api.Status {
    const w = this.ingests.get(ref);
    if (w === undefined) throw rpcError(grpc.status.NOT_FOUND, `ref ${ref}: not found`);
    return { ref, offset: w.offset, total: w.total, started_at: ts(w.started), updated_at: ts(w.updated) };
  }

  abort(ref: string): void {
    this.drop(ref);
  }
}

interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  [k: string]: unknown;
}

export interface Index {
  schemaVersion?: number;
  mediaType?: string;
  manifests?: Descriptor[];
  [k: string]: unknown;
}

const REF_NAME = 'org.opencontainers.image.ref.name';
const IMAGE_NAME = 'io.containerd.image.name';

function readIndex(dir: string): Index {
  const p = join(dir, 'index.json');
  if (!existsSync(p)) return {};
  return JSON.parse(readFileSync(p, 'utf8')) as Index;
}

/** The descriptor tagged `tag` in DIR/index.json (ociindex Get), if any. */
export function indexGet(dir: string, tag: string): Descriptor | undefined {
  return indexFind(readIndex(dir), tag);
}

/** The descriptor an index tags `tag`: by image name, else by OCI reference name (ociindex Get). */
export function indexFind(idx: Index, tag: string): Descriptor | undefined {
  return idx.manifests?.find((m) => m.annotations?.[IMAGE_NAME] === tag) ?? idx.manifests?.find((m) => m.annotations?.[REF_NAME] === tag);
}

/** The OCI reference name of an image name: its tag (and digest), as containerd's reference.Parse gives its Object. */
function ociReferenceName(name: string): string {
  const at = name.indexOf('@');
  const base = at < 0 ? name : name.slice(0, at);
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const tag = colon > slash ? base.slice(colon + 1) : '';
  return at < 0 ? tag : `${tag}${name.slice(at)}`;
}

/**
 * Names a descriptor in DIR/index.json, replacing the entry named so before
 * (ociindex Put): a tag (`isTag`) or an image name (kept in the containerd
 * annotation, its tag as the OCI reference name).
 */
export function indexPut(dir: string, desc: Descriptor, name: string, isTag = true): void {
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  const idx = readIndex(dir);
  idx.schemaVersion ||= 2;
  idx.mediaType ||= 'application/vnd.oci.image.index.v1+json';
  const imgName = isTag ? '' : name;
  const refName = isTag ? name : ociReferenceName(name);
  const annotations: Record<string, string> = { ...(desc.annotations ?? {}) };
  if (imgName !== '') annotations[IMAGE_NAME] = imgName;
  annotations[REF_NAME] = refName;
  // Go writes a map's keys sorted.
  const sorted = Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const entry: Descriptor = { ...desc, annotations: sorted };
  const kept = (idx.manifests ?? []).filter((m) => m.annotations?.[REF_NAME] !== refName || (m.annotations?.[IMAGE_NAME] ?? '') !== imgName);
  idx.manifests = [...kept, entry];
  writeFileSync(join(dir, 'index.json'), JSON.stringify(idx));
}
