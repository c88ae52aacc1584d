// One build on the daemon, as BuildKit's Go client runs it (client/solve.go,
// client/build.go): a session attached for the local directories, outputs,
// credentials, secrets and SSH; the Status stream read alongside; the Solve
// call; and, for the in-process frontend, our Dockerfile frontend driving the
// daemon's gateway API over the same connection (the build ID in each call's
// metadata routes it to this build, as Go's client.Build does).
import * as grpc from '@grpc/grpc-js';
import { BridgeError, LLBBridge } from '../frontend/bridge.ts';
import { buildAndReturn, type BuildFunc } from '../frontend/main.ts';
import { toStatus } from '../frontend/errors.ts';
import { buildDockerfile } from '../frontend/dockerfile.ts';
import type * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import type { GatewayEnv } from '../frontend/env.ts';
import type { Connection } from './connection.ts';
import { Session, type SessionOptions } from './session.ts';
import { recordedBuildError } from './history.ts';
import { newID } from '../llb/identity.ts';
import type * as ctl from '../gen/moby.buildkit.v1.ts';
import type { Channel } from '../dockerfile/channel.ts';

/** Which frontend builds the Dockerfile. */
export type FrontendChoice =
  /** Ours, in this process, over the gateway API (the default). */
  | { kind: 'inprocess' }
  /** A frontend the daemon has built in (`dockerfile.v0`). */
  | { kind: 'builtin'; name: string }
  /** An image run as `gateway.v0` (`source=REF`). */
  | { kind: 'image'; ref: string };

export interface ExportEntry {
  type: string;
  attrs: Record<string, string>;
}

export interface CacheEntry {
  type: string;
  attrs: Record<string, string>;
}

export interface SolveOptions {
  frontend: FrontendChoice;
  /** The in-process frontend's syntax channel (default stable). */
  channel?: Channel;
  /** Frontend options (`filename`, `target`, `build-arg:K`, …). */
  frontendAttrs: Record<string, string>;
  exports: ExportEntry[];
  cacheExports?: CacheEntry[];
  cacheImports?: CacheEntry[];
  entitlements?: string[];
  session: SessionOptions;
  /** Each Status message, as it arrives. */
  onStatus?: (s: ctl.StatusResponse) => void;
  /** Cancels the build on the daemon. */
  signal?: AbortSignal;
  /** Frontend diagnostics (a failed Ping or Return). */
  log?: (msg: string) => void;
}

export interface SolveResult {
  /** The exporters' response (image digest, descriptor, name, …). */
  exporterResponse: Record<string, string>;
  ref: string;
  /** The frontend's result metadata (a subrequest's `result.txt`, …). */
  resultMetadata: Record<string, Uint8Array>;
}

/** How long a failed build's answer is waited for once the daemon has ended its progress, before its history record is read (see solve). */
const UNREADABLE_ANSWER_MS = 500;
/** How long the history record is waited for, before the error this process already has is reported. */
const RECORD_WAIT_MS = 5000;

/** A build that was cancelled by the signal. */
export class CancelledError extends Error {
  constructor() {
    super('build cancelled');
    this.name = 'CancelledError';
  }
}

function gatewayEnv(attrs: Record<string, string>, sessionId: string, workers: ctl.ListWorkersResponse, channel: Channel): GatewayEnv {
  return {
    opts: new Map(Object.entries(attrs)),
    sessionId,
    product: 'buildkit',
    channel,
    workers: (workers.record ?? []).map((w) => ({
      id: w.ID ?? '',
      labels: w.Labels ?? {},
      platforms: (w.platforms ?? []).map((p) => {
        const out: GatewayEnv['workers'][number]['platforms'][number] = { os: p.OS ?? '', architecture: p.Architecture ?? '' };
        if (p.Variant) out.variant = p.Variant;
        if (p.OSVersion) out.osVersion = p.OSVersion;
        if (p.OSFeatures && p.OSFeatures.length > 0) out.osFeatures = p.OSFeatures;
        return out;
      }),
    })),
  };
}

/** The cache imports as the Solve request carries them, and as the frontend's `cache-imports` option (JSON). */
function cacheImportsAttr(imports: CacheEntry[]): string {
  return JSON.stringify(imports.map((i) => ({ Type: i.type, Attrs: i.attrs })));
}

/**
 * A failed gateway Solve as Go's client passes it on to its Return
 * (grpcerrors FromGRPC, then ToGRPC): the stack traces first, then the typed
 * details (sources, vertex, frontend, …) from the outermost wrapper in, which
 * reverses them; buildctl prints its error excerpts in that order.
 */
function goRoundTrip(e: BridgeError): BridgeError {
  const details = e.status?.details ?? [];
  const stacks = details.filter((d) => (d.type_url ?? '').includes('stack.Stack'));
  const typed = details.filter((d) => !(d.type_url ?? '').includes('stack.Stack')).reverse();
  return new BridgeError(e.method, e.code, e.message, { ...e.status, details: [...stacks, ...typed] });
}

/** How often a connection waiting on another frontend's gateway Solve is checked (see deadConnection), and how long an answer is waited for. */
const PROBE_MS = 1000;
const PROBE_DEADLINE_MS = 2000;

/**
 * Resolves when the connection has stopped answering while the daemon still
 * answers on a new one, checked every PROBE_MS until `stop` settles. Node.js's
 * HTTP/2 stops a connection when the daemon sends it a header field over
 * 64 KiB, without a word to the call whose answer it was: a daemon or image
 * frontend's failed Solve whose error holds a Dockerfile over ~45 KB. That
 * answer never arrives, nor any other on that connection, and the build would
 * wait for ever. Stopped means: a check unanswered (an Info), nothing else
 * received on it since (`lastReceived`: the build's progress), and a new
 * connection answering. A daemon that does not answer at all is not this.
 */
function deadConnection(conn: Connection, stop: Promise<unknown>, lastReceived: () => number, onSuspect: () => void): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const answers = async (c: Connection): Promise<boolean> => c.info(PROBE_DEADLINE_MS).then(() => true, () => false);
    const probe = () => {
      timer = setTimeout(async () => {
        const started = Date.now();
        if (await answers(conn)) return !stopped && probe();
        if (lastReceived() < started) {
          onSuspect();
          let fresh: Connection | undefined;
          try {
            fresh = await conn.again();
            // (Not once the Solve has settled: its answer came after all.)
            if (!stopped && (await answers(fresh)) && !stopped && lastReceived() < started) return resolve();
          } catch {
            // The daemon itself does not answer: not this connection's doing.
          } finally {
            fresh?.close();
          }
        }
        if (!stopped) probe();
      }, PROBE_MS);
      timer.unref();
    };
    probe();
    stop.finally(() => {
      stopped = true;
      clearTimeout(timer);
    }).catch(() => {});
  });
}

/** The error of a build whose frontend's answer Node.js could not read (see deadConnection). */
export const UNREADABLE_FRONTEND_ERROR =
  "the daemon's answer to the frontend's Solve could not be read: Node.js's HTTP/2 stops a connection at a header field over 64 KiB (a frontend's error holds the whole Dockerfile, here too large for it); the in-process frontend (no --frontend or --frontend-image) reports such an error";

/**
 * The build function run in this process. Every frontend goes through the
 * gateway API as buildctl's does: ours builds here; a daemon frontend or an
 * image is asked to by a gateway Solve whose result is returned as is.
 */
function buildFunc(
  conn: Connection,
  lastReceived: () => number,
  choice: FrontendChoice,
  attrs: Record<string, string>,
  imports: CacheEntry[],
  onResult: (r: gw.Result) => void,
  onError: (e: unknown) => void,
  onUnreadable: (e: BridgeError) => void,
): BuildFunc {
  if (choice.kind === 'inprocess') {
    return async (bridge, env, caps, inputs) => {
      let r: gw.Result;
      try {
        r = await buildDockerfile(bridge, env, caps, inputs);
      } catch (e) {
        onError(e);
        throw e;
      }
      onResult(r);
      return r;
    };
  }
  const frontendOpt: Record<string, string> = { ...attrs };
  const frontend = choice.kind === 'builtin' ? choice.name : 'gateway.v0';
  if (choice.kind === 'image') frontendOpt.source = choice.ref;
  if (frontendOpt.requestid !== undefined && frontendOpt['frontend.caps'] === undefined) frontendOpt['frontend.caps'] = 'moby.buildkit.frontend.subrequests';
  return async (bridge) => {
    const solving = bridge
      .solve({
        Frontend: frontend,
        FrontendOpt: frontendOpt,
        allowResultReturn: true,
        allowResultArrayRef: true,
        CacheImports: imports.map((i) => ({ Type: i.type, Attrs: i.attrs })),
      })
      .catch((e: unknown) => {
        throw e instanceof BridgeError ? goRoundTrip(e) : e;
      });
    const gone = (): never => {
      const e = new BridgeError('Solve', grpc.status.UNKNOWN, UNREADABLE_FRONTEND_ERROR, undefined);
      onUnreadable(e);
      throw e;
    };
    // A check left unanswered makes grpc-js drop such a connection a moment later: the Solve then fails
    // as Unavailable, which after that check is the same sign.
    let suspect = false;
    const unreadable = deadConnection(conn, solving, lastReceived, () => (suspect = true)).then(gone);
    const res = await Promise.race([
      solving.catch((e: unknown) => (suspect && e instanceof BridgeError && e.code === grpc.status.UNAVAILABLE ? gone() : Promise.reject(e))),
      unreadable,
    ]);
    const r = res.result ?? {};
    onResult(r);
    return r;
  };
}

export async function solve(conn: Connection, o: SolveOptions): Promise<SolveResult> {
  if (o.signal?.aborted) throw new CancelledError();
  const ref = newID();
  const session = new Session(o.session);
  session.run(conn);
  // The workers (for the frontend's environment) arrive while the session, progress and Solve start.
  const workers = conn.workers();
  let workersError: unknown;

  const attrs: Record<string, string> = { ...o.frontendAttrs };
  const imports = o.cacheImports ?? [];
  if (imports.length > 0) attrs['cache-imports'] = cacheImportsAttr(imports);
  const exporters: ctl.Exporter[] = o.exports.map((e) => ({ Type: e.type, Attrs: e.attrs }));
  const req: ctl.SolveRequest = {
    Ref: ref,
    Exporters: exporters,
    ExporterDeprecated: exporters[0]?.Type,
    ExporterAttrsDeprecated: exporters[0]?.Attrs,
    Session: session.id,
    FrontendAttrs: attrs,
    Cache: {
      Exports: (o.cacheExports ?? []).map((c) => ({ Type: c.type, Attrs: c.attrs })),
      Imports: imports.map((c) => ({ Type: c.type, Attrs: c.attrs })),
    },
    Entitlements: o.entitlements ?? [],
  };

  const abort = new AbortController();
  const onAbort = () => abort.abort();
  o.signal?.addEventListener('abort', onAbort);

  /** When the build's connection last brought progress (see deadConnection). */
  let statusReceived = 0;
  // Progress: read until the daemon ends the stream (shortly after the build).
  const status = conn.status(ref);
  /** The first step the daemon reports failed: its error (see the watch below). */
  let vertexError: string | undefined;
  const statusDone = (async () => {
    for await (const s of status) {
      statusReceived = Date.now();
      if (vertexError === undefined) vertexError = s.vertexes?.find((v) => v.error !== undefined && v.error !== '')?.error;
      o.onStatus?.(s);
    }
  })().catch(() => {});

  const solving = conn.solve(req, abort.signal);
  let resultMetadata: Record<string, Uint8Array> = {};
  const md = new grpc.Metadata();
  md.set('buildkit-controlapi-buildid', ref);
  // Its calls end with the build: a call the daemon never answers (a frontend's read of a named pipe) must not outlive a cancel.
  const bridge = new LLBBridge(conn.client, md, abort.signal);
  /** The in-process frontend's own error, as it returned it to the daemon. */
  let frontendError: BridgeError | undefined;
  /** The build's error when the daemon's answer could not be read (see below, and deadConnection). */
  let unreadable: Error | undefined;
  // Rejected with it: a call on a connection Node.js's HTTP/2 has ended may not end when cancelled.
  let giveUp: (e: Error) => void = () => {};
  const givenUp = new Promise<never>((_, reject) => (giveUp = reject));
  givenUp.catch(() => {});
  /** Cancels the build, which ends with `e`. */
  const endUnread = (e: Error): void => {
    unreadable = e;
    abort.abort();
    giveUp(e);
  };
  const fn = buildFunc(
    conn,
    () => statusReceived,
    o.frontend,
    attrs,
    imports,
    (r) => {
      resultMetadata = r.metadata ?? {};
    },
    (e) => {
      const st = toStatus(e);
      frontendError = new BridgeError('Solve', st.code ?? grpc.status.UNKNOWN, st.message ?? '', st);
    },
    // The connection is gone (see deadConnection): the build is cancelled, and this is its error.
    endUnread,
  );
  const frontendRun = workers.then(
    (w) => buildAndReturn(bridge, gatewayEnv(attrs, session.id, w, o.channel ?? 'stable'), o.log ?? (() => {}), fn),
    (e: unknown) => {
      workersError = e;
      throw e;
    },
  );
  // If the frontend could not reach the build, the Solve would wait forever: cancel it.
  frontendRun.then(
    (code) => {
      if (code !== 0) setTimeout(() => abort.abort(), 5000).unref();
    },
    () => abort.abort(),
  );

  // A failed build's answer can hold the whole Dockerfile (errdefs.Source in
  // grpc-status-details-bin). Node.js's HTTP/2 (nghttp2) drops a header field
  // over 64 KiB without a word: such an answer never arrives, and the Solve
  // would wait forever. When the daemon has ended the build's progress, the
  // frontend is done, and the build failed (the frontend's error, or a
  // step's), its answer is waited for a moment; then the same error is read
  // from the build's history record (src/client/history.ts), or, failing
  // that, it is the one this process already has (a step's without its
  // Dockerfile excerpt).
  let answered = false;
  solving.then(
    () => (answered = true),
    () => (answered = true),
  );
  void Promise.all([statusDone, frontendRun.catch(() => 1)]).then(() => {
    if (frontendError === undefined && vertexError === undefined) return;
    const timer = setTimeout(() => {
      let wait: ReturnType<typeof setTimeout> | undefined;
      const gaveUp = new Promise<undefined>((r) => (wait = setTimeout(() => r(undefined), RECORD_WAIT_MS)));
      void Promise.race([recordedBuildError(conn, ref).catch(() => undefined), gaveUp]).then((recorded) => {
        clearTimeout(wait);
        if (!answered) endUnread(recorded ?? frontendError ?? new BridgeError('Solve', grpc.status.UNKNOWN, vertexError!, undefined));
      });
    }, UNREADABLE_ANSWER_MS);
    timer.unref();
    solving.finally(() => clearTimeout(timer)).catch(() => {});
  });

  let res: ctl.SolveResponse;
  try {
    res = await Promise.race([solving, givenUp]);
  } catch (e) {
    if (unreadable !== undefined) throw unreadable;
    if (o.signal?.aborted) throw new CancelledError();
    // The Solve was cancelled because the workers could not be listed: say why.
    if (workersError !== undefined) throw workersError;
    throw e;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    session.close();
    // As Go's client: the status stream gets a few seconds to finish after the build.
    const timer = setTimeout(() => status.cancel(), 5000);
    // (A status stream on a connection Node.js's HTTP/2 has ended is not waited for.)
    await (unreadable === undefined ? statusDone : Promise.race([statusDone, new Promise((r) => setTimeout(r, 100).unref())]));
    clearTimeout(timer);
    await frontendRun.catch(() => 1);
  }
  return { exporterResponse: res.ExporterResponse ?? {}, ref, resultMetadata };
}
