// The connection to buildkitd: where it is (BUILDKIT_HOST / --addr, as
// buildctl reads it), the gRPC channel, and the calls of the control API
// (api/services/control: Solve, Status, ListWorkers, Info, Session).
import * as grpc from '@grpc/grpc-js';
import { existsSync, readFileSync } from 'node:fs';
import { encodeMessage } from '../protobuf/encode.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import type { MessageDesc } from '../protobuf/registry.ts';
import { BridgeError, MAX_MESSAGE, bridgeError, unary } from '../frontend/bridge.ts';
import * as ctl from '../gen/moby.buildkit.v1.ts';

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
}

function parseAddress(address: string): Target {
  if (address.startsWith('unix://')) {
    const path = address.slice('unix://'.length);
    if (path === '') throw new ConnectError(`invalid buildkitd address "${address}": no socket path`);
    return { grpcTarget: `unix://${path}`, authority: 'localhost', socket: path, tcp: false };
  }
  if (address.startsWith('tcp://')) {
    const hostPort = address.slice('tcp://'.length).replace(/\/+$/, '');
    if (!/^(\[[^\]]+\]|[^:/]+):\d+$/.test(hostPort)) throw new ConnectError(`invalid buildkitd address "${address}": want tcp://HOST:PORT`);
    return { grpcTarget: hostPort, authority: hostPort.replace(/:\d+$/, ''), tcp: true };
  }
  const scheme = /^([a-z0-9+.-]+):\/\//i.exec(address)?.[1];
  if (scheme !== undefined) throw new ConnectError(`unsupported buildkitd address scheme "${scheme}" in "${address}" (this client speaks unix:// and tcp://)`);
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

/** A connection to buildkitd's control API (and, through it, the gateway API of a build). */
export class Connection {
  readonly client: grpc.Client;
  readonly address: string;

  private constructor(client: grpc.Client, address: string) {
    this.client = client;
    this.address = address;
  }

  /** Dials the daemon and checks that it answers (ListWorkers), with a clear error when it does not. */
  static async open(opts: ConnectOptions = {}): Promise<Connection> {
    const address = opts.address ?? (process.env.BUILDKIT_HOST || DEFAULT_ADDRESS);
    const t = parseAddress(address);
    if (t.socket !== undefined && !existsSync(t.socket)) {
      throw new ConnectError(`buildkitd is not running at ${address}: ${t.socket} does not exist (start buildkitd or set BUILDKIT_HOST / --addr)`);
    }
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
    const timeout = opts.connectTimeoutMs ?? 10_000;
    try {
      await new Promise<void>((resolve, reject) => {
        client.waitForReady(Date.now() + timeout, (err) => (err ? reject(err) : resolve()));
      });
      await conn.listWorkers(timeout);
    } catch (e) {
      client.close();
      const why = e instanceof BridgeError ? e.message : (e as Error).message;
      throw new ConnectError(`could not connect to buildkitd at ${address}: ${why}`);
    }
    return conn;
  }

  close(): void {
    this.client.close();
  }

  private unary<Req, Res>(method: string, reqDesc: MessageDesc<Req>, resDesc: MessageDesc<Res>, req: Req, timeoutMs?: number, md?: grpc.Metadata): Promise<Res> {
    return unary(this.client, CONTROL + method, reqDesc, resDesc, req, timeoutMs, md);
  }

  listWorkers(timeoutMs?: number): Promise<ctl.ListWorkersResponse> {
    return this.unary('ListWorkers', ctl.ListWorkersRequest, ctl.ListWorkersResponse, {}, timeoutMs);
  }

  info(): Promise<ctl.InfoResponse> {
    return this.unary('Info', ctl.InfoRequest, ctl.InfoResponse, {});
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

  /** The Session stream (BytesMessage both ways), opened with the given headers. */
  session(md: grpc.Metadata): DuplexCall<ctl.BytesMessage, ctl.BytesMessage> {
    return this.client.makeBidiStreamRequest(CONTROL + 'Session', encoder(ctl.BytesMessage), decoder(ctl.BytesMessage), md, {});
  }
}
