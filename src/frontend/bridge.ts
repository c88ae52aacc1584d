// A typed client of BuildKit's LLBBridge service (frontend/gateway/pb,
// package moby.buildkit.v1.frontend) on top of grpc-js. Messages are encoded
// and decoded with the project's own protobuf runtime and generated types.
import * as grpc from '@grpc/grpc-js';
import { encodeMessage } from '../protobuf/encode.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import type { MessageDesc } from '../protobuf/registry.ts';
import * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import * as rpc from '../gen/google.rpc.ts';
import { preferNodeCrypto } from '../llb/sha256.ts';
import type { ReportedCaps } from '../llb/caps.ts';
import type { Status as RpcStatus } from '../gen/google.rpc.ts';

const SERVICE = '/moby.buildkit.v1.frontend.LLBBridge/';
/** The gateway's message size limit, both ways (grpcclient: 16 MiB). */
export const MAX_MESSAGE = 16 << 20;

/** A failed call: the gRPC status the daemon returned, details included. */
export class BridgeError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    /** google.rpc.Status as sent in grpc-status-details-bin, when there was one. */
    readonly status: RpcStatus | undefined,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** The details a failed call carries: google.rpc.Status from grpc-status-details-bin, when there was one. */
function statusDetails(err: grpc.ServiceError): RpcStatus | undefined {
  const bin = err.metadata?.get('grpc-status-details-bin')[0];
  if (!(bin instanceof Buffer)) return undefined;
  try {
    return decodeMessage(rpc.Status, bin);
  } catch {
    return undefined;
  }
}

/**
 * A failed call as BridgeError, with the google.rpc.Status of its details
 * when it has one. grpc-js reports some protocol violations of the daemon
 * without a usable code: a grpc-status that is no number becomes NaN, and a
 * message flagged compressed without a grpc-encoding fails its decoding with
 * no code or message at all. Both get grpc-go's code and words, as does an
 * answer larger than the receive limit.
 */
export function bridgeError(method: string, err: grpc.ServiceError): BridgeError {
  if (err.code === undefined) {
    return new BridgeError(method, grpc.status.INTERNAL, 'grpc: compressed flag set with identity or empty encoding', undefined);
  }
  if (!Number.isInteger(err.code)) {
    return new BridgeError(method, grpc.status.UNKNOWN, 'transport: malformed grpc-status: not an integer', undefined);
  }
  // An answer over the receive limit: grpc-js words it its own way.
  const large = err.code === grpc.status.RESOURCE_EXHAUSTED ? /^Received message larger than max \((\d+) vs (\d+)\)$/.exec(err.details ?? '') : null;
  if (large !== null) return new BridgeError(method, err.code, `grpc: received message larger than max (${large[1]} vs. ${large[2]})`, undefined);
  const status = statusDetails(err);
  // The status in the details carries the message exactly (the grpc-message
  // header can lose trailing blanks).
  const message = status?.message !== undefined && status.message !== '' ? status.message : err.details || err.message;
  return new BridgeError(method, err.code, message, status);
}

/**
 * One unary call: `path` is the full method path, e.g.
 * `/moby.buildkit.v1.Control/Solve`. It is read as a server stream so that
 * an answer of more than one message is seen (grpc-js's unary call stops
 * reading after the first one and then waits forever for the status behind
 * the second): that and an OK status without a message fail as grpc-go
 * fails them.
 */
export function unary<Req, Res>(
  client: grpc.Client,
  path: string,
  reqDesc: MessageDesc<Req>,
  resDesc: MessageDesc<Res>,
  req: Req,
  timeoutMs?: number,
  metadata?: grpc.Metadata,
  signal?: AbortSignal,
): Promise<Res> {
  const method = path.slice(path.lastIndexOf('/') + 1);
  return new Promise((resolve, reject) => {
    // Go's client refuses a request over the send limit before sending it
    // (grpc stream.go SendMsg), with this code and message.
    const bytes = encodeMessage(reqDesc, req);
    if (bytes.length > MAX_MESSAGE) {
      const message = `trying to send message larger than max (${bytes.length} vs. ${MAX_MESSAGE})`;
      reject(new BridgeError(method, grpc.status.RESOURCE_EXHAUSTED, message, undefined));
      return;
    }
    // A call under a cancelled context fails before anything is sent, as grpc-go's does.
    if (signal?.aborted) {
      reject(cancelled(method));
      return;
    }
    const options: grpc.CallOptions = timeoutMs === undefined ? {} : { deadline: Date.now() + timeoutMs };
    let settled = false;
    const fail = (e: BridgeError): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      reject(e);
    };
    const messages: Res[] = [];
    const call = client.makeServerStreamRequest<Req, Res>(
      path,
      () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      (b) => decodeMessage(resDesc, b),
      req,
      metadata ?? new grpc.Metadata(),
      options,
    );
    // Cancelled with the build (a call the daemon never answers must not hold the process).
    const cancel = (): void => call.cancel();
    signal?.addEventListener('abort', cancel);
    call.on('data', (m: Res) => {
      messages.push(m);
      if (messages.length > 1) {
        fail(new BridgeError(method, grpc.status.INTERNAL, 'cardinality violation: expected <EOF> for non server-streaming RPCs, but received another message', undefined));
        call.cancel();
      }
    });
    call.on('error', (err: grpc.ServiceError) => fail(bridgeError(method, err)));
    call.on('status', (st: grpc.StatusObject) => {
      if (st.code !== grpc.status.OK || settled) return;
      if (messages.length === 0) {
        fail(new BridgeError(method, grpc.status.INTERNAL, 'cardinality violation: received no response message from non-server-streaming RPC', undefined));
        return;
      }
      settled = true;
      signal?.removeEventListener('abort', cancel);
      resolve(messages[0]);
    });
  });
}

const cancelled = (method: string): BridgeError => new BridgeError(method, grpc.status.CANCELLED, 'context canceled', undefined);

export class LLBBridge {
  readonly client: grpc.Client;
  /** Sent with every call (the build ID when the frontend runs in the client). */
  private readonly metadata: grpc.Metadata | undefined;
  private readonly owned: boolean;
  /** Cancels every call made through this bridge (the build's own cancellation, when the frontend runs in the client). */
  private readonly signal: AbortSignal | undefined;
  /** The group of calls this bridge makes (see scoped), and how each of its calls in flight fails when it is aborted. */
  private group: AbortSignal | undefined;
  private readonly inFlight = new Set<() => void>();
  /** The daemon's LLB capabilities, from its Ping: once known, a Solve of a Definition needing another fails before it is sent. */
  llbCaps: ReportedCaps | undefined;
  /** The build's `cache-imports` and `cache-from` options, which grpcclient adds to every Solve's frontend options that lack them. */
  readonly solveOpts: { [key: string]: string } = {};

  /**
   * A target dials a connection of its own (the gateway over stdio); a client
   * is an existing connection to share (the control API's, which routes the
   * calls carrying `metadata` to one build, as Go's client.Build does).
   */
  constructor(target: string | grpc.Client, metadata?: grpc.Metadata, signal?: AbortSignal) {
    this.metadata = metadata;
    this.signal = signal;
    // grpc-js loaded node:http2, which loads node:crypto: op digests use it.
    preferNodeCrypto();
    this.owned = typeof target === 'string';
    if (typeof target !== 'string') {
      this.client = target;
      return;
    }
    this.client = new grpc.Client(target, grpc.credentials.createInsecure(), {
      'grpc.max_send_message_length': MAX_MESSAGE,
      'grpc.max_receive_message_length': MAX_MESSAGE,
      // One connection for the life of the process: never dial again.
      'grpc.initial_reconnect_backoff_ms': 60_000,
      'grpc.max_reconnect_backoff_ms': 60_000,
      'grpc.default_authority': 'localhost',
      // One channel to one peer over the stdio relay: no channelz bookkeeping,
      // no transparent retries, no proxy look-up, no shared subchannel pool
      // (together ~3 ms less per run here).
      'grpc.enable_channelz': 0,
      'grpc.enable_retries': 0,
      'grpc.enable_http_proxy': 0,
      'grpc.use_local_subchannel_pool': 1,
    });
  }

  close(): void {
    if (this.owned) this.client.close();
  }

  /**
   * The same bridge for the calls made under one of Go's contexts (an
   * errgroup's) that `group` cancels: once it is aborted, a call in flight
   * fails at once, and a call made after fails without reaching the daemon.
   * (The call in flight is left to end on its own, not reset: grpc-js could
   * reset it before its request is written, which grpc-go never does.)
   */
  scoped(group: AbortSignal): LLBBridge {
    const child = new LLBBridge(this.client, this.metadata, this.signal);
    child.group = group;
    // One listener for the group's calls in flight (one each would pass EventTarget's warning
    // threshold of 10 with the calls of a dozen platforms).
    group.addEventListener('abort', () => {
      for (const fail of child.inFlight) fail();
      child.inFlight.clear();
    }, { once: true });
    child.llbCaps = this.llbCaps;
    Object.assign(child.solveOpts, this.solveOpts);
    return child;
  }

  private call<Req, Res>(method: string, reqDesc: MessageDesc<Req>, resDesc: MessageDesc<Res>, req: Req, timeoutMs?: number): Promise<Res> {
    const group = this.group;
    if (group === undefined) return unary(this.client, SERVICE + method, reqDesc, resDesc, req, timeoutMs, this.metadata, this.signal);
    if (group.aborted) return Promise.reject(cancelled(method));
    return new Promise((resolve, reject) => {
      const abort = (): void => reject(cancelled(method));
      this.inFlight.add(abort);
      unary(this.client, SERVICE + method, reqDesc, resDesc, req, timeoutMs, this.metadata, this.signal).then(
        (res) => {
          this.inFlight.delete(abort);
          resolve(res);
        },
        (err: unknown) => {
          this.inFlight.delete(abort);
          reject(err);
        },
      );
    });
  }

  ping(timeoutMs = 15_000): Promise<gw.PongResponse> {
    return this.call('Ping', gw.PingRequest, gw.PongResponse, {}, timeoutMs);
  }
  resolveImageConfig(req: gw.ResolveImageConfigRequest): Promise<gw.ResolveImageConfigResponse> {
    return this.call('ResolveImageConfig', gw.ResolveImageConfigRequest, gw.ResolveImageConfigResponse, req);
  }
  resolveSourceMeta(req: gw.ResolveSourceMetaRequest): Promise<gw.ResolveSourceMetaResponse> {
    return this.call('ResolveSourceMeta', gw.ResolveSourceMetaRequest, gw.ResolveSourceMetaResponse, req);
  }
  /**
   * Solve, prepared as grpcclient's Solve prepares it: a Definition whose ops
   * need an LLB capability the daemon lacks is refused before it is sent, in
   * apicaps' words (not a BridgeError: the frontend's own error, which the
   * callers' prefixes wrap), and the build's cache-imports and cache-from
   * join the frontend options.
   */
  solve(req: gw.SolveRequest): Promise<gw.SolveResponse> {
    for (const md of Object.values(req.Definition?.metadata ?? {})) {
      for (const cap of Object.keys(md.caps ?? {})) {
        const err = this.llbCaps?.unsupported(cap);
        if (err !== undefined) return Promise.reject(new Error(err));
      }
    }
    const added = Object.entries(this.solveOpts).filter(([k]) => req.FrontendOpt === undefined || !Object.hasOwn(req.FrontendOpt, k));
    if (added.length > 0) req = { ...req, FrontendOpt: { ...req.FrontendOpt, ...Object.fromEntries(added) } };
    return this.call('Solve', gw.SolveRequest, gw.SolveResponse, req);
  }
  readFile(req: gw.ReadFileRequest): Promise<gw.ReadFileResponse> {
    return this.call('ReadFile', gw.ReadFileRequest, gw.ReadFileResponse, req);
  }
  readDir(req: gw.ReadDirRequest): Promise<gw.ReadDirResponse> {
    return this.call('ReadDir', gw.ReadDirRequest, gw.ReadDirResponse, req);
  }
  statFile(req: gw.StatFileRequest): Promise<gw.StatFileResponse> {
    return this.call('StatFile', gw.StatFileRequest, gw.StatFileResponse, req);
  }
  evaluate(req: gw.EvaluateRequest): Promise<gw.EvaluateResponse> {
    return this.call('Evaluate', gw.EvaluateRequest, gw.EvaluateResponse, req);
  }
  inputs(): Promise<gw.InputsResponse> {
    return this.call('Inputs', gw.InputsRequest, gw.InputsResponse, {});
  }
  warn(req: gw.WarnRequest): Promise<gw.WarnResponse> {
    return this.call('Warn', gw.WarnRequest, gw.WarnResponse, req);
  }
  return(req: gw.ReturnRequest): Promise<gw.ReturnResponse> {
    return this.call('Return', gw.ReturnRequest, gw.ReturnResponse, req);
  }
}
