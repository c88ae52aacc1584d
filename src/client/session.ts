// The build session, attached as BuildKit's Go client attaches it
// (session/session.go, session/grpchijack): the client opens the control
// API's `Session` stream with headers naming the session and listing the
// methods it serves, and then acts as an HTTP/2 gRPC server on that stream
// (the bytes of the connection travel as BytesMessage messages), the daemon
// being the client. It calls back for the local directories (FileSync),
// outputs (FileSend), registry credentials (Auth), secrets, SSH agents and
// health checks.
import * as grpc from '@grpc/grpc-js';
import { Duplex } from 'node:stream';
import { connect as netConnect } from 'node:net';
import type { MessageDesc } from '../protobuf/registry.ts';
import { newID } from '../llb/identity.ts';
import { encoder, decoder, type Connection, type SessionStream } from './connection.ts';
import * as health from '../gen/grpc.health.v1.ts';
import * as fsw from '../gen/fsutil.types.ts';
import * as fsync from '../gen/moby.filesync.v1.ts';
import * as sec from '../gen/moby.buildkit.secrets.v1.ts';
import * as up from '../gen/moby.upload.v1.ts';
import * as ssh from '../gen/moby.sshforward.v1.ts';
import { sendDir, receiveDir, type SendStats } from './filesync.ts';
import type { FilterOptions } from './fswalk.ts';
import { describeErrno, goFsError } from '../go/os.ts';
import { credentialsFor } from './auth.ts';
import { agentConnection, type AgentKey } from './sshagent.ts';
import type { LocalStore } from './content.ts';
import * as capi from '../gen/containerd.services.content.v1.ts';
import * as pb from '../gen/google.protobuf.ts';

const H_ID = 'x-docker-expose-session-uuid';
const H_NAME = 'x-docker-expose-session-name';
const H_KEY = 'x-docker-expose-session-sharedkey';
const H_METHOD = 'x-docker-expose-session-grpc-method';

/**
 * The header limits of the session's HTTP/2 server, as BuildKit's Go client
 * serves its session (golang.org/x/net/http2's Server, whose limit is
 * net/http's default 1 MB plus 32 bytes for each of ten typical fields).
 * The daemon sends a `.dockerignore`'s patterns, include patterns and follow
 * paths as one header field each, so Node.js's own limits (128 fields, 64 KiB)
 * refused the DiffCopy of a context whose `.dockerignore` had more than ~120
 * lines (ENHANCE_YOUR_CALM). Advertised, the limit makes the daemon refuse a
 * larger list itself, with the error buildctl's builds get.
 */
const GO_MAX_HEADER_LIST_SIZE = (1 << 20) + 10 * 32;
/** As many fields as fit in that size (each costs at least 32 bytes in HTTP/2's count). */
const MAX_HEADER_LIST_PAIRS = Math.ceil(GO_MAX_HEADER_LIST_SIZE / 32);
/**
 * The receive windows of the session's HTTP/2 server, per stream and for
 * the connection: x/net/http2's Server's (MaxUploadBufferPerStream and
 * PerConnection, 1 MB each). Node.js's 64 KiB had the daemon wait for a
 * window update, which crosses the Session stream, every 64 KiB of an
 * output it sends: a 215 MB tar took 0.85 of its time with these.
 */
const RECEIVE_WINDOW = 1 << 20;

/** A grpc-js server whose HTTP/2 sessions take the header lists a Go session server takes. */
function sessionServer(): grpc.Server {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 << 20, 'grpc.max_send_message_length': 16 << 20 });
  // grpc-js has no option for these: its options for http2.createServer are set here.
  const http2Options = (server as unknown as { commonServerOptions?: import('node:http2').ServerOptions }).commonServerOptions;
  if (http2Options === undefined || typeof http2Options !== 'object') throw new Error('@grpc/grpc-js changed: no commonServerOptions to set the session\'s header limits in');
  http2Options.maxHeaderListPairs = MAX_HEADER_LIST_PAIRS;
  http2Options.settings = { ...http2Options.settings, maxHeaderListSize: GO_MAX_HEADER_LIST_SIZE, initialWindowSize: RECEIVE_WINDOW };
  return server;
}

/** The connection's window is no setting: it is set on the server's session, once there is one. */
function widenConnectionWindow(server: grpc.Server): void {
  const servers = (server as unknown as { http2Servers?: Map<import('node:http2').Http2Server, unknown> }).http2Servers;
  const h2 = servers === undefined ? undefined : [...servers.keys()].pop();
  h2?.once('session', (session: import('node:http2').ServerHttp2Session) => {
    if (!session.destroyed && !session.closed) session.setLocalWindowSize(RECEIVE_WINDOW);
  });
}

type Handler = grpc.UntypedHandleCall;

/** The size of the messages an upload is sent in (io.Copy's buffer in Go's uploadprovider). */
const UPLOAD_CHUNK = 32 * 1024;

/** Messages passed as bytes, decoded by the handler. */
const RAW = { typeName: 'raw', fields: [] } as unknown as MessageDesc<unknown>;

interface MethodSpec {
  name: string;
  req: MessageDesc<unknown>;
  res: MessageDesc<unknown>;
  requestStream: boolean;
  responseStream: boolean;
  handler: Handler;
}

function m<Req, Res>(name: string, req: MessageDesc<Req>, res: MessageDesc<Res>, requestStream: boolean, responseStream: boolean, handler: Handler): MethodSpec {
  return { name, req: req as MessageDesc<unknown>, res: res as MessageDesc<unknown>, requestStream, responseStream, handler };
}

/** A gRPC error for a handler's callback. */
function rpcError(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

function fail(e: unknown): grpc.ServiceError {
  if (e !== null && typeof e === 'object' && 'code' in e && typeof (e as grpc.ServiceError).code === 'number') return e as grpc.ServiceError;
  return rpcError(grpc.status.UNKNOWN, e instanceof Error ? e.message : String(e));
}

/** Ends a server stream with the outcome of `work`. */
function finish(call: grpc.ServerDuplexStream<unknown, unknown>, work: Promise<void>): void {
  work.then(
    () => call.end(),
    (e: unknown) => {
      const err = fail(e);
      call.emit('error', err);
    },
  );
}

/** Metadata values of a key, decoded as filesync's decodeOpts does (`KEY-encoded: 1` means URL query escaping). */
function metaValues(md: grpc.Metadata, key: string): string[] | undefined {
  // Node's HTTP/2 joins a repeated header's values with ", " (a value with
  // ", " in it cannot be told apart; Go's client sends none such).
  const vals = md.get(key).flatMap((v) => String(v).split(', '));
  if (vals.length === 0) return undefined;
  const enc = md.get(key + '-encoded')[0];
  if (enc !== undefined && /^(1|t|true)$/i.test(String(enc))) return vals.map((v) => decodeURIComponent(v.replace(/\+/g, ' ')));
  return vals;
}

/** A local directory the daemon may read: `context`, `dockerfile`, or a named one. */
export interface SyncedDir {
  path: string;
}

/** An SSH agent of `--ssh`: an agent's socket, or keys read from files. */
export type SSHAgent = { socket: string } | { keys: AgentKey[] };

/** A file output (tar, oci, docker): where the bytes go. */
export type FileOutput = (md: Record<string, string>) => NodeJS.WritableStream;

/** A secret's value, read when the daemon asks for it (a file is read again on each request, as buildctl's secretsprovider reads it). */
export type SecretSource = () => Uint8Array;

export interface SessionOptions {
  /** Local directories by name (`--local NAME=PATH`). */
  dirs?: Map<string, SyncedDir>;
  /** Outputs by exporter index: a directory (`local`) or a writer (`tar`, `oci`, `docker`). */
  outputs?: Map<number, { dir: string } | { file: FileOutput; name?: string }>;
  /** Secrets by ID, each read when asked for. */
  secrets?: Map<string, SecretSource>;
  /** SSH agents by ID: a socket to forward, or keys served by this process. */
  ssh?: Map<string, SSHAgent>;
  /** Content stores by ID (`local:DIR`: local cache directories). */
  contentStores?: Map<string, LocalStore>;
  /** Bytes the daemon pulls once by ID (a context archive named `http://buildkit-session/ID`). */
  uploads?: Map<string, Uint8Array>;
  /** Serve registry credentials from the Docker config (default true). */
  auth?: boolean;
  /** The shared key of the session (Go: the context directory's identity); default empty. */
  sharedKey?: string;
  /** Called as local directories are sent (for the progress of the context transfer). */
  onTransfer?: (name: string, stats: SendStats, done: boolean) => void;
}

/** An attached session: the ID to put in the Solve request; close() ends it. */
export class Session {
  readonly id = newID();
  private readonly server = sessionServer();
  private call: SessionStream | undefined;
  private injector: ReturnType<grpc.Server['createConnectionInjector']> | undefined;
  private readonly methods: string[] = [];
  private readonly opts: SessionOptions;
  /** Resolves when the daemon closes the session stream. */
  closed: Promise<void> = Promise.resolve();

  constructor(opts: SessionOptions = {}) {
    this.opts = opts;
    this.add('grpc.health.v1.Health', [
      m('Check', health.HealthCheckRequest, health.HealthCheckResponse, false, false, ((_call: unknown, cb: grpc.sendUnaryData<health.HealthCheckResponse>) => cb(null, { status: health.HealthCheckResponse_ServingStatus.SERVING })) as Handler),
      m('Watch', health.HealthCheckRequest, health.HealthCheckResponse, false, true, ((call: grpc.ServerWritableStream<unknown, health.HealthCheckResponse>) => {
        call.write({ status: health.HealthCheckResponse_ServingStatus.SERVING });
      }) as Handler),
    ]);
    if (opts.dirs !== undefined && opts.dirs.size > 0) this.addFileSync(opts.dirs);
    if (opts.outputs !== undefined && opts.outputs.size > 0) this.addFileSend(opts.outputs);
    if (opts.contentStores !== undefined && opts.contentStores.size > 0) this.addContent(opts.contentStores);
    if (opts.auth !== false) this.addAuth();
    if (opts.secrets !== undefined) this.addSecrets(opts.secrets);
    if (opts.uploads !== undefined && opts.uploads.size > 0) this.addUpload(opts.uploads);
    if (opts.ssh !== undefined && opts.ssh.size > 0) this.addSSH(opts.ssh);
  }

  private add(service: string, methods: MethodSpec[]): void {
    const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
    const impl: grpc.UntypedServiceImplementation = {};
    for (const x of methods) {
      const id = (b: unknown) => b as Buffer;
      def[x.name] = {
        path: `/${service}/${x.name}`,
        requestStream: x.requestStream,
        responseStream: x.responseStream,
        requestSerialize: x.req === RAW ? id : encoder(x.req),
        requestDeserialize: x.req === RAW ? id : decoder(x.req),
        responseSerialize: x.res === RAW ? id : encoder(x.res),
        responseDeserialize: x.res === RAW ? id : decoder(x.res),
      };
      impl[x.name] = x.handler;
      this.methods.push(`/${service}/${x.name}`);
    }
    this.server.addService(def, impl);
  }

  private addFileSync(dirs: Map<string, SyncedDir>): void {
    const handle = (call: grpc.ServerDuplexStream<unknown, unknown>) => {
      const md = call.metadata;
      const name = metaValues(md, 'dir-name')?.[0] ?? '';
      const dir = dirs.get(name);
      if (dir === undefined) {
        call.emit('error', rpcError(grpc.status.NOT_FOUND, `no access allowed to dir "${name}"`));
        return;
      }
      const filter: FilterOptions = {
        includePatterns: metaValues(md, 'include-patterns'),
        excludePatterns: metaValues(md, 'exclude-patterns'),
        followPaths: metaValues(md, 'followpaths'),
      };
      const stats: SendStats = { files: 0, bytes: 0 };
      const work = sendDir({ call, raw: true }, dir.path, filter, stats).finally(() => this.opts.onTransfer?.(name, stats, true));
      finish(call, work);
    };
    this.add('moby.filesync.v1.FileSync', [
      // Messages stay bytes: the sender encodes its packets (file data read straight into them).
      m('DiffCopy', RAW, RAW, true, true, handle as Handler),
      m('TarStream', fsw.Packet, fsw.Packet, true, true, ((call: grpc.ServerDuplexStream<unknown, unknown>) => {
        call.emit('error', rpcError(grpc.status.UNIMPLEMENTED, 'TarStream is not supported'));
      }) as Handler),
    ]);
  }

  private addFileSend(outputs: NonNullable<SessionOptions['outputs']>): void {
    const handle = (call: grpc.ServerDuplexStream<unknown, unknown>) => {
      const idText = String(call.metadata.get('buildkit-attachable-exporter-id')[0] ?? '0');
      const id = /^\d+$/.test(idText) ? Number(idText) : 0;
      const out = outputs.get(id);
      if (out === undefined) {
        call.emit('error', rpcError(grpc.status.UNKNOWN, `exporter ${id} not found`));
        return;
      }
      if ('dir' in out) {
        // A `local` output: fsutil packets on this method.
        finish(call, receiveDir({ call, raw: true }, out.dir));
        return;
      }
      const md: Record<string, string> = {};
      for (const [k, v] of Object.entries(call.metadata.getMap())) {
        if (k.startsWith('exporter-md-')) md[k.slice('exporter-md-'.length)] = String(v);
      }
      const w = out.file(md);
      const decode = decoder(fsync.BytesMessage);
      // A write that fails (a full disk, a closed pipe) ends the transfer with its error, as Go's io.Copy does;
      // unheard, it was an uncaught exception, or a wait for a 'drain' that never came.
      const where = out.name ?? '/dev/stdout';
      const writeError = (e: NodeJS.ErrnoException): Error => new Error(e.path === undefined && e.code !== undefined ? `${e.syscall ?? 'write'} ${where}: ${describeErrno(e)}` : goFsError(e));
      const failed = new Promise<never>((_resolve, reject) => w.once('error', (e: Error) => reject(writeError(e))));
      failed.catch(() => {});
      const work = (async () => {
        // Not destroyed at the end of the messages: the status is still to be sent.
        for await (const raw of call.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
          const data = decode(raw).data;
          if (data === undefined || data.length === 0) continue;
          if (!w.write(data)) await Promise.race([new Promise<void>((r) => w.once('drain', () => r())), failed]);
        }
        await Promise.race([new Promise<void>((resolve, reject) => w.end((e?: Error | null) => (e ? reject(writeError(e)) : resolve()))), failed]);
      })();
      finish(call, work);
    };
    // Messages stay bytes here: a `local` output sends fsutil packets, the others BytesMessage.
    this.add('moby.filesync.v1.FileSend', [m('DiffCopy', RAW, RAW, true, true, handle as Handler)]);
  }

  private addContent(stores: Map<string, LocalStore>): void {
    const choose = (md: grpc.Metadata): LocalStore => {
      const id = md.get('buildkit-attachable-store-id')[0];
      if (id === undefined) throw rpcError(grpc.status.INVALID_ARGUMENT, 'request lacks metadata "buildkit-attachable-store-id"');
      const store = stores.get(String(id));
      if (store === undefined) throw rpcError(grpc.status.NOT_FOUND, `unknown store ${String(id)}`);
      return store;
    };
    const unary = <Req, Res>(fn: (store: LocalStore, req: Req) => Res) =>
      ((call: grpc.ServerUnaryCall<Req, Res>, cb: grpc.sendUnaryData<Res>) => {
        try {
          cb(null, fn(choose(call.metadata), call.request));
        } catch (e) {
          cb(fail(e));
        }
      }) as Handler;
    const unimplemented = ((_c: unknown, cb: grpc.sendUnaryData<unknown>) => cb(rpcError(grpc.status.UNIMPLEMENTED, 'not supported by this client'))) as Handler;
    this.add('containerd.services.content.v1.Content', [
      m('Info', capi.InfoRequest, capi.InfoResponse, false, false, unary((st, r: capi.InfoRequest): capi.InfoResponse => ({ info: st.info(r.digest ?? '') }))),
      m('Update', capi.UpdateRequest, capi.UpdateResponse, false, false, unimplemented),
      m('List', capi.ListContentRequest, capi.ListContentResponse, false, true, ((call: grpc.ServerWritableStream<unknown, unknown>) => call.emit('error', rpcError(grpc.status.UNIMPLEMENTED, 'not supported by this client'))) as Handler),
      m('Delete', capi.DeleteContentRequest, pb.Empty, false, false, unimplemented),
      m('Read', capi.ReadContentRequest, capi.ReadContentResponse, false, true, ((call: grpc.ServerWritableStream<capi.ReadContentRequest, capi.ReadContentResponse>) => {
        try {
          choose(call.metadata).read(call.request, call);
        } catch (e) {
          call.emit('error', fail(e));
        }
      }) as Handler),
      m('Status', capi.StatusRequest, capi.StatusResponse, false, false, unary((st, r: capi.StatusRequest): capi.StatusResponse => ({ status: st.status(r.ref ?? '') }))),
      m('ListStatuses', capi.ListStatusesRequest, capi.ListStatusesResponse, false, false, unimplemented),
      m('Write', capi.WriteContentRequest, capi.WriteContentResponse, true, true, ((call: grpc.ServerDuplexStream<capi.WriteContentRequest, capi.WriteContentResponse>) => {
        let store: LocalStore;
        try {
          store = choose(call.metadata);
        } catch (e) {
          call.emit('error', fail(e));
          return;
        }
        finish(call as grpc.ServerDuplexStream<unknown, unknown>, store.write(call));
      }) as Handler),
      m('Abort', capi.AbortRequest, pb.Empty, false, false, unary((st, r: capi.AbortRequest): pb.Empty => {
        st.abort(r.ref ?? '');
        return {};
      })),
    ]);
  }

  private addAuth(): void {
    this.add('moby.filesync.v1.Auth', [
      m('Credentials', fsync.CredentialsRequest, fsync.CredentialsResponse, false, false, ((call: grpc.ServerUnaryCall<fsync.CredentialsRequest, unknown>, cb: grpc.sendUnaryData<fsync.CredentialsResponse>) => {
        credentialsFor(call.request.Host ?? '').then(
          (c) => cb(null, c),
          (e: unknown) => cb(fail(e)),
        );
      }) as Handler),
      m('FetchToken', fsync.FetchTokenRequest, fsync.FetchTokenResponse, false, false, ((_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
        cb(rpcError(grpc.status.UNIMPLEMENTED, 'client-side tokens are not supported; the daemon fetches tokens with the credentials'));
      }) as Handler),
      // Unavailable: the daemon then fetches tokens itself with Credentials (session/auth GetTokenAuthority).
      m('GetTokenAuthority', fsync.GetTokenAuthorityRequest, fsync.GetTokenAuthorityResponse, false, false, ((_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
        cb(rpcError(grpc.status.UNAVAILABLE, 'client side tokens disabled'));
      }) as Handler),
      m('VerifyTokenAuthority', fsync.VerifyTokenAuthorityRequest, fsync.VerifyTokenAuthorityResponse, false, false, ((_c: unknown, cb: grpc.sendUnaryData<unknown>) => {
        cb(rpcError(grpc.status.UNAVAILABLE, 'client side tokens disabled'));
      }) as Handler),
    ]);
  }

  /** Bytes the daemon pulls by URL path (`http://buildkit-session/ID`: a context archive), each once, as BuildKit's uploadprovider serves them. */
  private addUpload(uploads: Map<string, Uint8Array>): void {
    this.add('moby.upload.v1.Upload', [
      m('Pull', up.BytesMessage, up.BytesMessage, true, true, ((call: grpc.ServerDuplexStream<up.BytesMessage, up.BytesMessage>) => {
        const id = String(call.metadata.get('urlpath')[0] ?? '').replace(/^\/+/, '');
        const data = uploads.get(id);
        if (data === undefined) {
          call.emit('error', rpcError(grpc.status.UNKNOWN, `no http response from session for ${id}`));
          return;
        }
        uploads.delete(id);
        const work = (async () => {
          for (let off = 0; off < data.length; off += UPLOAD_CHUNK) {
            if (!call.write({ data: data.subarray(off, off + UPLOAD_CHUNK) })) await new Promise<void>((r) => call.once('drain', () => r()));
          }
        })();
        finish(call as grpc.ServerDuplexStream<unknown, unknown>, work);
      }) as Handler),
    ]);
  }

  private addSecrets(secrets: Map<string, SecretSource>): void {
    this.add('moby.buildkit.secrets.v1.Secrets', [
      m('GetSecret', sec.GetSecretRequest, sec.GetSecretResponse, false, false, ((call: grpc.ServerUnaryCall<sec.GetSecretRequest, unknown>, cb: grpc.sendUnaryData<sec.GetSecretResponse>) => {
        const id = call.request.ID ?? '';
        const source = secrets.get(id);
        if (source === undefined) {
          cb(rpcError(grpc.status.NOT_FOUND, `secret ${id} not found`));
          return;
        }
        let data: Uint8Array;
        try {
          data = source();
        } catch (e) {
          // As the secretsprovider's os.ReadFile fails: the path error, code Unknown.
          cb(rpcError(grpc.status.UNKNOWN, goFsError(e)));
          return;
        }
        cb(null, { data });
      }) as Handler),
    ]);
  }

  private addSSH(agents: Map<string, SSHAgent>): void {
    const idOf = (id: string | undefined) => (id === undefined || id === '' ? 'default' : id);
    this.add('moby.sshforward.v1.SSH', [
      m('CheckAgent', ssh.CheckAgentRequest, ssh.CheckAgentResponse, false, false, ((call: grpc.ServerUnaryCall<ssh.CheckAgentRequest, unknown>, cb: grpc.sendUnaryData<ssh.CheckAgentResponse>) => {
        const id = idOf(call.request.ID);
        if (!agents.has(id)) cb(rpcError(grpc.status.UNKNOWN, `unset ssh forward key ${id}`));
        else cb(null, {});
      }) as Handler),
      m('ForwardAgent', ssh.BytesMessage, ssh.BytesMessage, true, true, ((call: grpc.ServerDuplexStream<ssh.BytesMessage, ssh.BytesMessage>) => {
        const id = idOf(String(call.metadata.get('buildkit.ssh.id')[0] ?? ''));
        const agent = agents.get(id);
        if (agent === undefined) {
          call.emit('error', rpcError(grpc.status.UNKNOWN, `unset ssh forward key ${id}`));
          return;
        }
        if ('keys' in agent) {
          // Keys from files: this process is the agent.
          const feed = agentConnection(agent.keys, (b) => call.write({ data: b }), (e) => call.emit('error', rpcError(grpc.status.UNKNOWN, e.message)));
          call.on('data', (msg: ssh.BytesMessage) => {
            if (msg.data !== undefined && msg.data.length > 0) feed(Buffer.from(msg.data));
          });
          call.on('end', () => call.end());
          return;
        }
        const sock = netConnect(agent.socket);
        sock.on('data', (b: Buffer) => {
          if (!call.write({ data: b })) sock.pause();
        });
        call.on('drain', () => sock.resume());
        call.on('data', (msg: ssh.BytesMessage) => {
          if (msg.data !== undefined && msg.data.length > 0) sock.write(msg.data);
        });
        call.on('end', () => sock.end());
        call.on('cancelled', () => sock.destroy());
        sock.on('end', () => call.end());
        sock.on('error', (e) => call.emit('error', rpcError(grpc.status.UNKNOWN, `failed to dial agent ${id}: ${e.message}`)));
      }) as Handler),
    ]);
  }

  /** Opens the Session stream on `conn` and starts serving the daemon on it. */
  run(conn: Connection): void {
    const call = conn.session({ [H_ID]: this.id, [H_KEY]: this.opts.sharedKey ?? '', [H_NAME]: '', [H_METHOD]: [...this.methods] });
    this.call = call;
    // What the HTTP/2 server writes in one turn of the event loop goes out as
    // one message (Go's side buffers its frames the same way): one message
    // per frame would cost a round through both gRPC stacks per fsutil packet.
    let pending: Buffer[] = [];
    let pendingSize = 0;
    let scheduled = false;
    const flush = (cb?: (err?: Error | null) => void): void => {
      scheduled = false;
      if (pendingSize === 0) {
        cb?.();
        return;
      }
      const chunks = pending;
      const size = pendingSize;
      pending = [];
      pendingSize = 0;
      call.write(chunks, size, cb);
    };
    const duplex = new Duplex({
      read() {
        call.resume();
      },
      write(chunk: Buffer, _enc, cb) {
        pending.push(chunk);
        pendingSize += chunk.length;
        // Large amounts go at once and wait for the stream (backpressure).
        if (pendingSize >= 1 << 20) {
          flush(cb);
          return;
        }
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => flush());
        }
        cb();
      },
      final(cb) {
        flush();
        call.end();
        cb();
      },
      destroy(err, cb) {
        call.cancel();
        cb(err);
      },
    });
    this.closed = new Promise<void>((resolve) => {
      call.on('data', (d: Buffer) => {
        if (!duplex.push(d)) call.pause();
      });
      call.on('end', () => {
        duplex.push(null);
        resolve();
      });
      call.on('error', () => {
        duplex.destroy();
        resolve();
      });
    });
    this.injector = this.server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
    widenConnectionWindow(this.server);
    this.injector.injectConnection(duplex);
  }

  close(): void {
    this.injector?.destroy();
    this.call?.cancel();
    this.server.forceShutdown();
  }
}
