// fsutil's file transfer protocol (tonistiigi/fsutil send.go, receive.go)
// on a session stream of fsutil.types.Packet messages, both ways:
//
// - sending (FileSync.DiffCopy: the daemon reads a local directory of the
//   client): one STAT packet per entry, an empty STAT to end the list; the
//   receiver asks for each regular file's data by its index (REQ), gets it in
//   DATA packets ending with an empty one, and ends with FIN, answered by FIN;
// - receiving (FileSend.DiffCopy of a `local` output): the same from the
//   other side, writing what arrives into a directory.
import { readSync, renameSync, existsSync, fchmodSync, futimesSync, mkdirSync, lstatSync, rmSync, symlinkSync, linkSync, chmodSync, lutimesSync, openSync, writeSync, closeSync, utimesSync } from 'node:fs';
import { join, dirname } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { Packet as PacketDesc, Packet_PacketType as T, type Packet, type Stat } from '../gen/fsutil.types.ts';
import { encoder, decoder } from './connection.ts';
import { diskPath, isDirMode, isRegular, isSymlinkMode, nodeKind, unixPermBits, walkFiltered, xattrs, type FilterOptions } from './fswalk.ts';
import { goFsError, mkdirAll } from '../go/os.ts';
import { bytesOf, hasKeptBytes, keptBytesString } from '../go/kept-bytes.ts';
import { nodeChildProcess } from '../builtins.ts';
import { defineMessage } from '../protobuf/registry.ts';
import { cleanPath } from '../go/path.ts';
import { Writer, varintBytes } from '../protobuf/writer.ts';
import type { Int64 } from '../protobuf/registry.ts';

/** A session stream of packets: the gRPC call, with how its messages are coded. */
export interface PacketStream {
  call: grpc.ServerDuplexStream<unknown, unknown>;
  /** The call's messages are raw bytes to decode (FileSend), not Packets already. */
  raw: boolean;
}

/** The part of grpc-js's server call that sends one message (its Writable waits a turn of the event loop per message). */
interface MessageSender {
  sendMessage(message: unknown, callback: () => void): void;
}

const inFlight = new WeakMap<object, { bytes: number; waiters: (() => void)[] }>();

/**
 * Writes a packet. The messages go straight to the call's HTTP/2 stream (as
 * Go's server writes them, many per socket write) rather than through the
 * call's Writable, which sends one message per turn of the event loop: a
 * context of 20,000 entries would take 20,000 turns. The sender waits only
 * when many are in flight: then it returns the promise to wait for.
 */
function send(s: PacketStream, p: Packet | Buffer): Promise<void> | undefined {
  const msg = Buffer.isBuffer(p) || !s.raw ? p : encodePacket(p);
  const sender = (s.call as unknown as { call?: MessageSender }).call;
  if (sender === undefined || typeof sender.sendMessage !== 'function') {
    if (s.call.write(msg)) return undefined;
    return new Promise((resolve) => s.call.once('drain', resolve));
  }
  let st = inFlight.get(s.call);
  if (st === undefined) inFlight.set(s.call, (st = { bytes: 0, waiters: [] }));
  const state = st;
  // Counted in bytes: 20,000 stat packets of ~40 bytes are less than one data
  // packet (counted in messages, 256 of them in flight held a listing back).
  const size = Buffer.isBuffer(msg) ? msg.length + 5 : 64;
  state.bytes += size;
  sender.sendMessage(msg, () => {
    state.bytes -= size;
    if (state.bytes < QUEUED / 2) for (const w of state.waiters.splice(0)) w();
  });
  if (state.bytes < QUEUED) return undefined;
  return new Promise((resolve) => state.waiters.push(resolve));
}

const encodePacketGeneric = encoder(PacketDesc);
const statWriter = new Writer(256);

/** A uint32 field, left out when 0 (proto3). */
function uint(w: Writer, no: number, v: number | undefined): void {
  if (!v) return;
  w.tag(no, 0);
  w.uvarint(v);
}

/** An int64 field, left out when 0 (proto3). */
function int64(w: Writer, no: number, v: Int64 | undefined): void {
  if (v === undefined || v === 0 || v === 0n) return;
  w.tag(no, 0);
  w.varint64(v);
}

/** A string field whose kept bytes (a file name that is no UTF-8) are written as those bytes, as Go sends the name. */
function keptString(w: Writer, s: string): void {
  if (hasKeptBytes(s)) w.bytes(bytesOf(s));
  else w.string(s);
}

/**
 * A packet's bytes. A STAT packet without extended attributes (nearly every
 * entry of a walk) is written field by field here, as the generic encoder
 * writes it (test/client/stat-packet.test.ts compares the two): that took a
 * twentieth of sending a 20,000-file listing.
 */
export function encodePacket(p: Packet): Buffer {
  const st = p.stat;
  // (The walk reads no attributes for a name with kept bytes, so those take the path below.)
  if ((p.type ?? T.PACKET_STAT) !== T.PACKET_STAT || p.ID || p.data?.length || st === undefined || st.xattrs !== undefined) return encodePacketGeneric(p);
  const w = statWriter;
  w.reset();
  w.tag(2, 2);
  const at = w.fork();
  if (st.path) {
    w.tag(1, 2);
    keptString(w, st.path);
  }
  uint(w, 2, st.mode);
  uint(w, 3, st.uid);
  uint(w, 4, st.gid);
  int64(w, 5, st.size);
  int64(w, 6, st.modTime);
  if (st.linkname) {
    w.tag(7, 2);
    keptString(w, st.linkname);
  }
  int64(w, 8, st.devmajor);
  int64(w, 9, st.devminor);
  w.join(at);
  const b = w.finishPooled();
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/**
 * An encoded DATA packet of file `id` with room for `len` bytes of data after
 * the returned offset: the file is read straight into the message.
 */
function dataPacket(id: number, len: number): { buf: Buffer; off: number } {
  const head = [0x08, T.PACKET_DATA, ...(id !== 0 ? [0x18, ...varintBytes(id)] : []), 0x22, ...varintBytes(len)];
  const buf = Buffer.allocUnsafe(head.length + len);
  buf.set(head);
  return { buf, off: head.length };
}

/** Bytes of packets in flight (written, not yet taken by the HTTP/2 stream) before a sender waits. */
const QUEUED = 8 << 20;

/** Reads the stream's packets one at a time. */
function packets(s: PacketStream): AsyncIterator<Packet> {
  // An iterator that leaves the call open at the end of the messages (the status is sent after).
  const it = (s.call.iterator({ destroyOnReturn: false }) as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  if (!s.raw) return it as AsyncIterator<Packet>;
  const decode = decoder(PacketDesc);
  return {
    next: async () => {
      const r = await it.next();
      return r.done === true ? { done: true, value: undefined } : { done: false, value: withKeptBytes(decode(r.value as Buffer), r.value as Buffer) };
    },
  };
}

/** A Stat's names as bytes (KeptPacket below), to read a name that is no UTF-8. */
interface NameBytes {
  stat?: { path?: Uint8Array; linkname?: Uint8Array };
}
defineMessage<NonNullable<NameBytes['stat']>>('dockerfile_llb.filesync.NameBytes.Stat', [
  { name: 'path', no: 1, kind: 'scalar', scalar: 'bytes' },
  { name: 'linkname', no: 7, kind: 'scalar', scalar: 'bytes' },
]);
const decodeNameBytes = decoder(
  defineMessage<NameBytes>('dockerfile_llb.filesync.NameBytes', [{ name: 'stat', no: 2, kind: 'message', typeName: 'dockerfile_llb.filesync.NameBytes.Stat' }]),
);

/**
 * A received packet whose path or link target is no UTF-8 (the decoder
 * read U+FFFD there) with those names read again as bytes, kept
 * (go/kept-bytes.ts): the file is written under the name Go writes.
 */
function withKeptBytes(p: Packet, raw: Buffer): Packet {
  const st = p.stat;
  if (st === undefined || !(st.path?.includes('\ufffd') || st.linkname?.includes('\ufffd'))) return p;
  const names = decodeNameBytes(raw).stat ?? {};
  if (names.path !== undefined) st.path = keptBytesString(names.path);
  if (names.linkname !== undefined) st.linkname = keptBytesString(names.linkname);
  return p;
}

/** Counts bytes sent, for the progress of a context transfer. */
export interface SendStats {
  files: number;
  bytes: number;
}

/** Data per DATA packet (fsutil sends 32 KiB). */
const CHUNK = 32 << 10;

/** Serves one FileSync.DiffCopy: sends `root` filtered by `filter`. */
export async function sendDir(call: PacketStream, root: string, filter: FilterOptions, stats?: SendStats): Promise<void> {
  const files = new Map<number, { abs: string; size: number; refused: boolean }>();
  let failed: Error | undefined;
  let finished = false;

  // Requests for file data arrive while the list is still being sent.
  const reader = (async () => {
    const it = packets(call);
    for (;;) {
      const r = await it.next();
      if (r.done === true) return;
      const p = r.value;
      switch (p.type ?? T.PACKET_STAT) {
        case T.PACKET_ERR:
          throw new Error(`error from receiver: ${Buffer.from(p.data ?? new Uint8Array()).toString()}`);
        case T.PACKET_REQ: {
          const id = p.ID ?? 0;
          const file = files.get(id);
          if (file === undefined) throw new Error(`invalid file id ${id}`);
          files.delete(id);
          await sendFile(call, id, file, stats);
          break;
        }
        case T.PACKET_FIN:
          await send(call, { type: T.PACKET_FIN });
          finished = true;
          return;
        default:
          break;
      }
    }
  })();
  reader.catch((e: unknown) => {
    failed = e as Error;
  });

  let id = 0;
  try {
    for (const e of walkFiltered(root, filter)) {
      if (failed) break;
      if (e === null) {
        // A directory's end: let the stream carry what was queued.
        await new Promise<void>((r) => setImmediate(r));
        continue;
      }
      if (isRegular(e.stat.mode ?? 0)) files.set(id, { abs: e.abs, size: Number(e.stat.size ?? 0), refused: e.refusedByOpen === true });
      id++;
      const wait = send(call, { type: T.PACKET_STAT, stat: e.stat });
      if (wait !== undefined) await wait;
    }
  } catch (e) {
    const msg = (e as Error).message;
    await send(call, { type: T.PACKET_ERR, data: Buffer.from(msg) })?.catch(() => {});
    throw e;
  }
  if (!failed) await send(call, { type: T.PACKET_STAT });
  await reader;
  if (!finished) throw new Error('the receiver ended the transfer early');
}

/**
 * A file's data in DATA packets, then the empty one. Read synchronously: the
 * daemon asks for every file it lacks at once, and a stream per file (open,
 * read, read to the end, close: four trips through libuv's thread pool each)
 * made a context of 20,000 small files wait on 80,000 of them. The data is
 * read straight into the encoded packet (its size known from the walk), and
 * to the end of the file as fsutil reads it (a file that grew is sent whole).
 * As fsutil: a file that cannot be opened is sent empty; a read that fails
 * fails the transfer.
 */
async function sendFile(call: PacketStream, id: number, file: { abs: string; size: number; refused: boolean }, stats?: SendStats): Promise<void> {
  let fd: number | undefined;
  try {
    // (A file filterFS.Open refuses is not opened: WalkEntry.refusedByOpen.)
    fd = file.refused ? undefined : openSync(diskPath(file.abs), 'r');
  } catch {
    fd = undefined;
  }
  if (fd !== undefined) {
    try {
      let sent = 0;
      for (;;) {
        const want = Math.min(CHUNK, file.size - sent);
        let packet: Packet | Buffer;
        let n: number;
        if (want > 0 && call.raw) {
          const { buf, off } = dataPacket(id, want);
          n = readSync(fd, buf, off, want, null);
          packet = n === want ? buf : { type: T.PACKET_DATA, ID: id, data: buf.subarray(off, off + n) };
        } else {
          // The end of the file (or a stream of decoded packets): read until nothing comes.
          const buf = Buffer.allocUnsafe(want > 0 ? want : CHUNK);
          n = readSync(fd, buf, 0, buf.length, null);
          packet = { type: T.PACKET_DATA, ID: id, data: buf.subarray(0, n) };
        }
        if (n === 0) break;
        sent += n;
        if (stats) stats.bytes += n;
        await send(call, packet);
      }
    } finally {
      closeSync(fd);
    }
  }
  if (stats) stats.files++;
  await send(call, { type: T.PACKET_DATA, ID: id });
}

/** Serves one FileSend.DiffCopy of a `local` output: writes what the daemon sends under `dest` (merged). */
export async function receiveDir(call: PacketStream, dest: string): Promise<void> {
  // Directories known to exist, and those this transfer made (nothing in
  // them to replace): each entry then costs no mkdir or removal of its own
  // (~40% of writing 30,000 files).
  const known = new Set<string>();
  const fresh = new Set<string>();
  if (!existsSync(dest)) fresh.add(dest);
  try {
    mkdirAll(dest, 0o700);
  } catch (e) {
    throw new Error(`failed to create synctarget dest dir ${dest}: ${goFsError(e)}`);
  }
  known.add(dest);
  const pending = new Map<number, { fd: number; path: string; stat: Stat }>();
  const dirs: { path: string; stat: Stat }[] = [];
  let listed = false;
  let index = 0;
  const it = packets(call);
  const target = (p: string): string => {
    const clean = cleanPath('/' + p);
    return join(dest, clean);
  };
  const finishFile = (f: { fd: number; path: string; stat: Stat }) => {
    try {
      setMeta(f.path, f.stat, false, f.fd);
    } finally {
      closeSync(f.fd);
    }
  };
  const maybeFinish = async (): Promise<boolean> => {
    if (!listed || pending.size > 0) return false;
    for (const d of dirs.reverse()) setMeta(d.path, d.stat, false);
    await send(call, { type: T.PACKET_FIN });
    return true;
  };
  for (;;) {
    const r = await it.next();
    if (r.done === true) throw new Error('the daemon ended the output transfer early');
    const p = r.value;
    const type = p.type ?? T.PACKET_STAT;
    if (type === T.PACKET_ERR) throw new Error(`error from sender: ${Buffer.from(p.data ?? new Uint8Array()).toString()}`);
    if (type === T.PACKET_FIN) break;
    if (type === T.PACKET_STAT) {
      if (p.stat === undefined) {
        listed = true;
        if (await maybeFinish()) break;
        continue;
      }
      const st = p.stat;
      const id = index++;
      const path = target(st.path ?? '');
      const mode = st.mode ?? 0;
      const parent = dirname(path);
      if (!known.has(parent)) {
        mkdirAll(diskPath(parent));
        known.add(parent);
      }
      const inFresh = fresh.has(parent);
      const at = diskPath(path);
      if (isDirMode(mode)) {
        if (inFresh) {
          mkdirSync(at);
          fresh.add(path);
        } else {
          let existed = true;
          try {
            if (!lstatSync(at).isDirectory()) rmSync(at, { force: true });
          } catch {
            existed = false;
          }
          mkdirAll(at);
          if (!existed) fresh.add(path);
        }
        known.add(path);
        dirs.push({ path, stat: st });
        continue;
      }
      if (!inFresh) rmSync(at, { force: true, recursive: true });
      const node = nodeKind(mode);
      if (st.linkname !== undefined && st.linkname !== '' && isSymlinkMode(mode)) {
        symlinkSync(diskPath(st.linkname), at);
        setMeta(path, st, true);
      } else if (st.linkname !== undefined && st.linkname !== '') {
        linkSync(diskPath(target(st.linkname)), at);
      } else if (isRegular(mode)) {
        pending.set(id, { fd: openSync(at, 'w', 0o600), path, stat: st });
        await send(call, { type: T.PACKET_REQ, ID: id });
      } else if (node !== undefined) {
        makeNode(path, node, st, dest);
        setMeta(path, st, false);
      }
      continue;
    }
    if (type === T.PACKET_DATA) {
      const f = pending.get(p.ID ?? 0);
      if (f === undefined) throw new Error(`invalid file request ${p.ID ?? 0}`);
      if (p.data === undefined || p.data.length === 0) {
        pending.delete(p.ID ?? 0);
        finishFile(f);
        if (await maybeFinish()) break;
      } else {
        writeSync(f.fd, p.data);
      }
    }
  }
  // The sender answers FIN with FIN and ends.
  for (;;) {
    const r = await it.next();
    if (r.done === true) break;
  }
}

/**
 * A named pipe or device node, as fsutil's disk writer makes it (mknod).
 * Node.js has no call for it: the `mknod` program makes it (devices need
 * the privilege Go's mknod needs). A program's arguments are UTF-8 text, so
 * a name that is no UTF-8 is made under a scratch name in `dest` and renamed.
 */
function makeNode(path: string, node: 'pipe' | 'char' | 'block', st: Stat, dest: string): void {
  const at = hasKeptBytes(path) ? join(dest, `.mknod-${process.pid}`) : path;
  const kind = node === 'pipe' ? ['p'] : [node === 'char' ? 'c' : 'b', String(st.devmajor ?? 0), String(st.devminor ?? 0)];
  const r = nodeChildProcess().spawnSync('mknod', ['--', at, ...kind], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) {
    const why = r.error?.message ?? r.stderr.trim().replace(/^mknod: /, '');
    throw new Error(`failed to create ${path}: ${why}`);
  }
  if (at !== path) renameSync(at, diskPath(path));
}

/** A received entry's mode, times and attributes, as fsutil's disk writer sets them; through `fd` when it is open. */
function setMeta(path: string, st: Stat, symlink: boolean, fd?: number): void {
  // Seconds as text: Node.js takes a negative number of seconds (a time
  // before 1970) as "now", text as it is. (libuv keeps microseconds.)
  const mtime = String(Number(BigInt(st.modTime ?? 0) / 1000n) / 1e6);
  const at = diskPath(path);
  if (symlink) {
    try {
      lutimesSync(at, mtime, mtime);
    } catch {
      /* not supported */
    }
    return;
  }
  // As fsutil's disk writer: each attribute set, a failure ignored.
  // (@napi-rs/xattr takes paths as UTF-8 text: a name that is no UTF-8 gets no attributes.)
  const x = st.xattrs !== undefined && !hasKeptBytes(path) ? xattrs() : null;
  for (const [k, v] of Object.entries(st.xattrs ?? {})) {
    try {
      x?.setAttributeSync(path, k, v);
    } catch {
      /* not supported here */
    }
  }
  const perms = unixPermBits(st.mode ?? 0);
  if (fd !== undefined) {
    fchmodSync(fd, perms);
    futimesSync(fd, mtime, mtime);
  } else {
    chmodSync(at, perms);
    utimesSync(at, mtime, mtime);
  }
}
