// The connection to buildkitd: where it is (BUILDKIT_HOST / --addr, as
// buildctl reads it), the gRPC channel, and the calls of the control API
// (api/services/control: Solve, Status, ListWorkers, Info, Session).
import * as grpc from '@grpc/grpc-js';
import * as http2 from 'node:http2';
import { connect as netConnect } from 'node:net';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { describeErrno } from '../go/os.ts';
import { isDomainName, systemNameserver } from '../go/dns.ts';
import { isNetipAddr } from '../go/ip.ts';
import { goParseURL } from '../go/url.ts';
import { encodeMessage } from '../protobuf/encode.ts';
import { varintBytes } from '../protobuf/writer.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import type { MessageDesc } from '../protobuf/registry.ts';
import { BridgeError, MAX_MESSAGE, bridgeError, unary } from '../frontend/bridge.ts';
import * as ctl from '../gen/moby.buildkit.v1.ts';
import { helperCommand, helperRelay, type HelperCommand, type HelperRelay } from './connhelper.ts';

/** buildctl's default address on Linux. */
export const DEFAULT_ADDRESS = 'unix:///run/buildkit/buildkitd.sock';
const CONTROL = '/moby.buildkit.v1.Control/';

export interface ConnectOptions {
  /** `unix:///path` or `tcp://host:port`; default BUILDKIT_HOST, else /run/buildkit/buildkitd.sock. */
  address?: string;
  /** TLS for tcp:// (buildctl's --tlscacert, --tlscert, --tlskey): file paths. */
  tlsCACert?: string;
  tlsCert?: string;
  tlsKey?: string;
  /** The server name TLS checks (buildctl's --tlsservername); default the host. */
  tlsServerName?: string;
  /** How long to wait for the daemon to answer the first call; default 10 s. */
  connectTimeoutMs?: number;
}

/** The daemon could not be reached, or the address is wrong: a message for the user. */
export class ConnectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectError';
  }
}

interface Target {
  grpcTarget: string;
  authority: string;
  /** A unix socket path, to check before dialing. */
  socket?: string;
  tcp: boolean;
  /** The host of a tcp:// address, without an IPv6 address's brackets. */
  host?: string;
  /** Why Go's dialer refuses the address without trying it. */
  dialError?: string;
}

function parseAddress(address: string): Target {
  // The scheme in any case, as url.Parse reads it.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  if (scheme === 'unix' && /^unix:\/\//i.test(address)) {
    const path = address.slice('unix://'.length);
    if (path === '') throw new ConnectError(`invalid buildkitd address "${address}": no socket path`);
    return { grpcTarget: `unix://${path}`, authority: 'localhost', socket: path, tcp: false };
  }
  // tcp://HOST:PORT: buildctl dials url.Parse's Host (user information, path and query left out); an
  // address with no `://` whose url.Parse succeeds (NAME:PORT, NAME a scheme's characters) it dials as
  // it is, through gRPC's passthrough resolver.
  const hostPort = /^tcp:\/\//i.test(address) ? goParseURL(address)?.host : !address.includes('://') && scheme !== undefined ? address : undefined;
  if (hostPort !== undefined && hostPort !== '') {
    if (!/^(\[[^\]]+\]|[^:/\[\]]+)(:\d+)?$/.test(hostPort)) throw new ConnectError(`invalid buildkitd address "${address}": want tcp://HOST:PORT`);
    // No port: Go's dialer refuses it (net.SplitHostPort), at the dial.
    const dialError = /:\d+$/.test(hostPort) ? undefined : `dial tcp: address ${hostPort}: missing port in address`;
    const authority = hostPort.replace(/:\d+$/, '');
    return { grpcTarget: hostPort, authority, host: authority.replace(/^\[(.*)\]$/, '$1'), tcp: true, dialError };
  }
  if (scheme === 'tcp') throw new ConnectError(`invalid buildkitd address "${address}": want tcp://HOST:PORT`);
  if (scheme !== undefined && address.includes('://')) throw new ConnectError(`unsupported buildkitd address scheme "${/^[^:]*/.exec(address)![0]}" in "${address}" (this client speaks unix://, tcp://, docker-container://, podman-container://, nerdctl-container://, kube-pod:// and ssh://)`);
  throw new ConnectError(`invalid buildkitd address "${address}": want unix:///PATH or tcp://HOST:PORT`);
}

function readPem(what: string, path: string | undefined): Buffer | null {
  if (path === undefined) return null;
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ConnectError(`could not read ${what} ${path}: ${(e as Error).message}`);
  }
}

/** A server-streaming call as an async iterable; `cancel()` ends it. */
export interface ServerStream<T> extends AsyncIterable<T> {
  cancel(): void;
}

/** A bidirectional stream of messages. */
export type DuplexCall<Req, Res> = grpc.ClientDuplexStream<Req, Res>;

export function encoder<T>(desc: MessageDesc<T>): (v: T) => Buffer {
  return (v) => {
    const b = encodeMessage(desc, v);
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  };
}

export function decoder<T>(desc: MessageDesc<T>): (b: Buffer) => T {
  return (b) => decodeMessage(desc, b);
}

/** A gRPC error as BridgeError (the status message from the details when there are any). */
export function callError(path: string, err: grpc.ServiceError): BridgeError {
  return bridgeError(path.slice(path.lastIndexOf('/') + 1), err);
}

/**
 * Resolves when the channel is connected, as grpc-js's waitForReady, but with
 * a deadline timer of its own that `cancel()` clears: waitForReady's stays
 * armed when the channel is closed while it waits (a state change that comes
 * after the close sets it again), keeping the process alive until the deadline.
 */
function channelReady(client: grpc.Client, timeoutMs: number): Promise<void> & { cancel(): void } {
  const channel = client.getChannel();
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const p = new Promise<void>((resolve, reject) => {
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err === undefined) resolve();
      else reject(err);
    };
    timer = setTimeout(() => finish(new Error('Failed to connect before the deadline')), timeoutMs);
    const check = () => {
      if (done) return;
      let state: grpc.connectivityState;
      try {
        state = channel.getConnectivityState(true);
      } catch {
        finish(new Error('The channel has been closed'));
        return;
      }
      if (state === grpc.connectivityState.READY) return finish();
      if (state === grpc.connectivityState.SHUTDOWN) return finish(new Error('The channel has been closed'));
      try {
        // No deadline here: the timer above is the one.
        channel.watchConnectivityState(state, Infinity, check);
      } catch {
        finish(new Error('The channel has been closed'));
      }
    };
    check();
  });
  return Object.assign(p, {
    cancel: () => {
      done = true;
      clearTimeout(timer);
    },
  });
}

type DialError = NodeJS.ErrnoException & { hostname?: string; address?: string; port?: number; errors?: DialError[] };

/** Why a dial failed, in the words of Go's net package as buildctl prints them. */
function dialReason(t: Target, failure: DialError): string {
  // A name with several addresses: Node.js tried each and gathers their errors; Go reports its first.
  const e = failure.syscall === undefined && failure.errors !== undefined && failure.errors.length > 0 ? failure.errors[0]! : failure;
  const why = describeErrno(e);
  if (t.socket !== undefined) return `dial unix ${t.socket}: ${e.syscall ?? 'connect'}: ${why}`;
  if (e.code === 'ERR_INVALID_URL') {
    // What Node.js's URL parser refuses before any connection, Go's dialer refuses or looks up: a port
    // over 65535, or a host such as 256.1.1.1, a name it does not find.
    const port = Number(/:(\d+)$/.exec(t.grpcTarget)?.[1]);
    return port > 65535 ? `dial tcp: address ${port}: invalid port` : `dial tcp: ${lookup(t.host ?? t.authority)}: no such host`;
  }
  if (e.syscall === 'getaddrinfo') return `dial tcp: ${lookup(e.hostname ?? t.grpcTarget)}: ${e.code === 'ENOTFOUND' ? 'no such host' : 'temporary failure in name resolution'}`;
  if (e.syscall === 'connect') {
    // Go names the address it dialed (a name's first one).
    const at = e.address === undefined || e.port === undefined ? t.grpcTarget : e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`;
    return `dial tcp ${at}: connect: ${why}`;
  }
  // A TLS handshake that failed (the daemon's certificate, or ours), or the connection closing during it.
  return `tls: ${e.message}`;
}

/**
 * `lookup NAME`, and ` on SERVER` as Go names the server it asked: on Linux,
 * where buildctl resolves with Go's own resolver, for a name it asks a server for.
 */
function lookup(name: string): string {
  return process.platform === 'linux' && isDomainName(name) ? `lookup ${name} on ${systemNameserver()}` : `lookup ${name}`;
}

function connectError(address: string, e: unknown): ConnectError {
  const why = e instanceof BridgeError ? e.message : (e as Error).message;
  return new ConnectError(`could not connect to buildkitd at ${address}: ${why}`);
}

/** A connection to buildkitd's control API (and, through it, the gateway API of a build). */
export class Connection {
  readonly client: grpc.Client;
  readonly address: string;
  /** How to dial the daemon again for the session's own HTTP/2 connection (see session()). */
  private dial: (() => http2.ClientHttp2Session) | undefined;
  /**
   * The session's connection, dialed beside gRPC's when the connection opens: its
   * failure is the clear reason an unreachable daemon gives at once (a refused
   * socket, an unknown host, a certificate), where gRPC would retry until its
   * deadline; the first build's session then uses it.
   */
  private spare: http2.ClientHttp2Session | undefined;
  /** The listener that runs a connection helper's command per connection (docker-container://, ssh://, …). */
  private relay: HelperRelay | undefined;
  /** The ListWorkers call of the dial, for the first build (one round trip less, and not waited for before the build starts). */
  private dialWorkers: Promise<ctl.ListWorkersResponse> | undefined;
  /** The options it was opened with (see again()). */
  private opts: ConnectOptions = {};

  private constructor(client: grpc.Client, address: string) {
    this.client = client;
    this.address = address;
  }

  /**
   * Dials the daemon, with a clear error when it cannot be reached, and asks
   * for its workers (ListWorkers) without waiting: the first build's
   * workers() gets the answer, or that clear error.
   */
  static async open(opts: ConnectOptions = {}): Promise<Connection> {
    const address = opts.address ?? (process.env.BUILDKIT_HOST || DEFAULT_ADDRESS);
    let helper: HelperCommand | undefined;
    try {
      helper = helperCommand(address);
    } catch (e) {
      throw new ConnectError(`invalid buildkitd address "${address}": ${(e as Error).message}`);
    }
    const relay = helper === undefined ? undefined : await helperRelay(helper);
    const t: Target = relay === undefined ? parseAddress(address) : { grpcTarget: `unix:${relay.socket}`, authority: 'localhost', socket: relay.socket, tcp: false };
    if (relay === undefined && t.socket !== undefined && !existsSync(t.socket)) {
      throw new ConnectError(`buildkitd is not running at ${address}: ${t.socket} does not exist (start buildkitd or set BUILDKIT_HOST / --addr)`);
    }
    // A host Go neither reads as an address nor looks up (all digits, as 127.1 or 123, which getaddrinfo
    // would take as an IPv4 address): buildctl's dial fails at once, and so does this one.
    if (t.dialError !== undefined) throw connectError(address, new Error(t.dialError));
    if (t.host !== undefined && !isNetipAddr(t.host) && !isDomainName(t.host)) throw connectError(address, new Error(`dial tcp: lookup ${t.host}: no such host`));
    const tls = opts.tlsCACert !== undefined || opts.tlsCert !== undefined || opts.tlsKey !== undefined;
    if (tls && !t.tcp) throw new ConnectError('TLS options apply to tcp:// addresses only');
    if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new ConnectError('--tlscert and --tlskey go together');
    const creds = tls
      ? grpc.credentials.createSsl(readPem('the CA certificate', opts.tlsCACert), readPem('the key', opts.tlsKey), readPem('the certificate', opts.tlsCert))
      : grpc.credentials.createInsecure();
    const options: grpc.ChannelOptions = {
      'grpc.max_send_message_length': MAX_MESSAGE,
      'grpc.max_receive_message_length': MAX_MESSAGE,
      'grpc.enable_retries': 0,
      'grpc.enable_channelz': 0,
      'grpc.use_local_subchannel_pool': 1,
      // A build's streams stay open while steps run: keep the connection alive as buildctl does.
      'grpc.keepalive_permit_without_calls': 1,
    };
    if (!t.tcp) options['grpc.default_authority'] = t.authority;
    if (tls && opts.tlsServerName !== undefined) options['grpc.ssl_target_name_override'] = opts.tlsServerName;
    const client = new grpc.Client(t.grpcTarget, creds, options);
    const conn = new Connection(client, address);
    conn.opts = opts;
    conn.relay = relay;
    // A helper's own failure (its command missing, or its stderr) says more than the closed connection.
    const failed = (e: unknown): ConnectError => {
      const why = relay?.failure();
      return why !== undefined ? new ConnectError(`could not connect to buildkitd at ${address}: ${why}`) : connectError(address, e);
    };
    const tlsOpts = tls ? { ca: readPem('the CA certificate', opts.tlsCACert) ?? undefined, key: readPem('the key', opts.tlsKey) ?? undefined, cert: readPem('the certificate', opts.tlsCert) ?? undefined, servername: opts.tlsServerName ?? t.authority } : undefined;
    conn.dial = () => {
      const session =
        t.socket !== undefined
          ? http2.connect('http://localhost', { createConnection: () => netConnect(t.socket!), settings: SESSION_SETTINGS })
          : tlsOpts !== undefined
            ? http2.connect(`https://${t.grpcTarget}`, { ...tlsOpts, settings: SESSION_SETTINGS })
            : http2.connect(`http://${t.grpcTarget}`, { settings: SESSION_SETTINGS });
      // Emitted on a later tick: a build that fails at once may have closed the session by then.
      session.once('connect', () => {
        if (!session.destroyed && !session.closed) session.setLocalWindowSize(SESSION_WINDOW);
      });
      return session;
    };
    const timeout = opts.connectTimeoutMs ?? 10_000;
    try {
      const ready = channelReady(client, timeout);
      // A helper command that fails, or the session's connection failing to dial, ends the wait (gRPC
      // would retry until the deadline). The race's losers are given a handler: a rejection nobody
      // awaits would end the process.
      ready.catch(() => {});
      const helperFailed = relay?.failed.then((why) => Promise.reject(new Error(why)));
      helperFailed?.catch(() => {});
      let dialFailed: Promise<never> | undefined;
      if (relay === undefined) {
        let spare: http2.ClientHttp2Session;
        try {
          spare = conn.dial();
        } catch (e) {
          // An address Node.js's URL parser refuses; anything else (a TLS option, say) as it is.
          if ((e as NodeJS.ErrnoException).code === 'ERR_INVALID_URL') throw new Error(dialReason(t, e as DialError));
          throw e;
        }
        conn.spare = spare;
        spare.unref();
        dialFailed = new Promise<never>((_, reject) => spare.on('error', (e: DialError) => reject(new Error(dialReason(t, e)))));
        dialFailed.catch(() => {});
      }
      const failed = helperFailed ?? dialFailed;
      await (failed === undefined ? ready : Promise.race([ready, failed])).finally(() => ready.cancel());
    } catch (e) {
      conn.close();
      throw failed(e);
    }
    conn.dialWorkers = conn.listWorkers(timeout).catch((e: unknown) => {
      throw failed(e);
    });
    // Awaited by the first build; a connection closed before then drops it.
    conn.dialWorkers.catch(() => {});
    return conn;
  }

  /**
   * A new connection to the same daemon, as this one was opened: for a call
   * after this one's HTTP/2 connection has refused new streams (Node.js's
   * HTTP/2 ends it when the daemon sends a header field it cannot read).
   */
  again(): Promise<Connection> {
    return Connection.open(this.opts);
  }

  close(): void {
    this.client.close();
    this.relay?.close();
    this.spare?.destroy();
    this.spare = undefined;
  }

  private unary<Req, Res>(method: string, reqDesc: MessageDesc<Req>, resDesc: MessageDesc<Res>, req: Req, timeoutMs?: number, md?: grpc.Metadata): Promise<Res> {
    return unary(this.client, CONTROL + method, reqDesc, resDesc, req, timeoutMs, md);
  }

  listWorkers(timeoutMs?: number): Promise<ctl.ListWorkersResponse> {
    return this.unary('ListWorkers', ctl.ListWorkersRequest, ctl.ListWorkersResponse, {}, timeoutMs);
  }

  /** The daemon's workers: the dial's answer for the first build, asked again after. */
  workers(): Promise<ctl.ListWorkersResponse> {
    const w = this.dialWorkers;
    this.dialWorkers = undefined;
    return w ?? this.listWorkers();
  }

  info(timeoutMs?: number): Promise<ctl.InfoResponse> {
    return this.unary('Info', ctl.InfoRequest, ctl.InfoResponse, {}, timeoutMs);
  }

  /** Solve; `signal` cancels the call, which cancels the build on the daemon. */
  solve(req: ctl.SolveRequest, signal?: AbortSignal): Promise<ctl.SolveResponse> {
    const path = CONTROL + 'Solve';
    return new Promise((resolve, reject) => {
      const call = this.client.makeUnaryRequest(path, encoder(ctl.SolveRequest), decoder(ctl.SolveResponse), req, new grpc.Metadata(), {}, (err, res) => {
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(callError(path, err));
        else resolve(res as ctl.SolveResponse);
      });
      const onAbort = () => call.cancel();
      if (signal?.aborted) call.cancel();
      else signal?.addEventListener('abort', onAbort);
    });
  }

  /** The progress of the build with this ref, until it ends. */
  status(ref: string): ServerStream<ctl.StatusResponse> {
    const path = CONTROL + 'Status';
    const call = this.client.makeServerStreamRequest(path, encoder(ctl.StatusRequest), decoder(ctl.StatusResponse), { Ref: ref }, new grpc.Metadata(), {});
    return {
      cancel: () => call.cancel(),
      async *[Symbol.asyncIterator]() {
        try {
          for await (const m of call) yield m as ctl.StatusResponse;
        } catch (e) {
          const err = e as grpc.ServiceError;
          if (err.code === grpc.status.CANCELLED) return;
          throw callError(path, err);
        }
      },
    };
  }

  /**
   * The Session stream, opened with the given headers (values repeated for a
   * repeated key), on a connection of its own made with node:http2 rather
   * than through grpc-js: the stream carries every byte of a context
   * transfer, and grpc-js's client holds each incoming message for a turn of
   * the event loop (pausing the stream for it) and copies each outgoing one
   * into a new frame. The daemon finds a session by its ID, whichever
   * connection it came on.
   */
  session(headers: Record<string, string | string[]>): SessionStream {
    if (this.dial === undefined) throw new Error('no address to open a session on');
    const spare = this.spare;
    this.spare = undefined;
    if (spare !== undefined && !spare.destroyed && !spare.closed) {
      spare.ref();
      return new SessionStream(spare, headers);
    }
    spare?.destroy();
    return new SessionStream(this.dial(), headers);
  }
}

/**
 * The receive windows of the session's own connection (its stream and the
 * connection). Everything an output sends comes down this one stream: with
 * Node.js's 64 KiB the daemon waited for a window update every 64 KiB,
 * where grpc-go's client (buildctl's) grows its windows to megabytes as it
 * measures the connection.
 */
const SESSION_WINDOW = 4 << 20;
const SESSION_SETTINGS: http2.Settings = { initialWindowSize: SESSION_WINDOW };

/**
 * The control API's Session call as raw gRPC over HTTP/2: BytesMessage
 * messages both ways. write() sends a message made of the chunks given
 * (framed and encoded here, in one copy); 'data' gives each incoming
 * message's bytes; 'end' when the daemon ends the call, 'error' when it fails.
 */
export class SessionStream extends EventEmitter {
  private readonly h2: http2.ClientHttp2Session;
  private readonly req: http2.ClientHttp2Stream;
  private buf: Buffer = Buffer.alloc(0);
  private status: string | undefined;
  private message = '';
  private done = false;

  constructor(h2: http2.ClientHttp2Session, headers: Record<string, string | string[]>) {
    super();
    this.h2 = h2;
    h2.on('error', (e: Error) => this.fail(e));
    this.req = h2.request({ ':method': 'POST', ':path': CONTROL + 'Session', 'content-type': 'application/grpc', te: 'trailers', ...headers });
    const onHeaders = (h: http2.IncomingHttpHeaders) => {
      if (h['grpc-status'] !== undefined) this.status = String(h['grpc-status']);
      if (h['grpc-message'] !== undefined) this.message = decodeURIComponent(String(h['grpc-message']));
    };
    this.req.on('response', onHeaders);
    this.req.on('trailers', onHeaders);
    this.req.on('data', (chunk: Buffer) => this.onData(chunk));
    this.req.on('end', () => {
      if (this.status !== undefined && this.status !== '0') this.fail(new Error(`session: ${this.message || `grpc-status ${this.status}`}`));
      else this.finish();
    });
    this.req.on('error', (e: Error) => this.fail(e));
    this.req.on('close', () => this.fail(new Error('session: the stream closed')));
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 5) {
      const n = this.buf.readUInt32BE(1);
      if (this.buf.length < 5 + n) break;
      const msg = this.buf.subarray(5, 5 + n);
      this.buf = this.buf.subarray(5 + n);
      // BytesMessage: field 1 (bytes); anything else is skipped by its wire type.
      let off = 0;
      while (off < msg.length) {
        let key = 0;
        let shift = 0;
        let b: number;
        do {
          b = msg[off++]!;
          key += (b & 127) * 2 ** shift;
          shift += 7;
        } while (b & 128);
        if ((key & 7) === 2) {
          let len = 0;
          shift = 0;
          do {
            b = msg[off++]!;
            len += (b & 127) * 2 ** shift;
            shift += 7;
          } while (b & 128);
          if (key >>> 3 === 1 && len > 0) this.emit('data', msg.subarray(off, off + len));
          off += len;
        } else if ((key & 7) === 0) {
          while (msg[off++]! & 128);
        } else {
          break;
        }
      }
    }
  }

  /** Sends one message of the chunks' bytes; `cb` when the stream took it. */
  write(chunks: readonly Buffer[], size: number, cb?: (err?: Error | null) => void): void {
    // BytesMessage field 1 (bytes): its tag and length.
    const head = [0x0a, ...varintBytes(size)];
    const frame = Buffer.allocUnsafe(5 + head.length + size);
    frame[0] = 0;
    frame.writeUInt32BE(head.length + size, 1);
    frame.set(head, 5);
    let off = 5 + head.length;
    for (const c of chunks) {
      frame.set(c, off);
      off += c.length;
    }
    this.req.write(frame, cb);
  }

  pause(): void {
    this.req.pause();
  }

  resume(): void {
    this.req.resume();
  }

  end(): void {
    this.req.end();
  }

  /** Ends the call and its connection at once. */
  cancel(): void {
    this.done = true;
    this.req.close(http2.constants.NGHTTP2_CANCEL);
    this.h2.destroy();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.emit('end');
    this.h2.close();
  }

  private fail(e: Error): void {
    if (this.done) return;
    this.done = true;
    this.emit('error', e);
    this.h2.destroy();
  }
}
