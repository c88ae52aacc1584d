// A scripted fake BuildKit daemon driving the real `frontend` process
// (dist/dockerfile-llb.js frontend, the image's entry point, which writes the
// HTTP/2 preface before it loads the bundle; or the bundle itself): an HTTP/2 server in the test process at
// the other end of the child's stdin and stdout, answering each LLBBridge
// call as the rehearsal does (src/frontend/rehearsal.ts: every cap, the
// sample Dockerfile, one image config) unless the script says otherwise for
// that call: raw frames (two messages, a compressed flag, a truncated frame),
// any grpc-status and grpc-message text, a stream reset, a closed
// connection, an answer after a delay, or no answer at all.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, constants as h2, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import { createConnection, createServer as createNetServer, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import * as gw from '../../src/gen/moby.buildkit.v1.frontend.ts';
import { answerFor, type Answer } from '../../src/frontend/rehearsal.ts';
import { repoRoot } from '../e2e/harness.ts';

/** What the fake daemon does with one call. */
export type Action =
  | { kind: 'default' }
  /** A normal answer: one message, status 0. */
  | { kind: 'answer'; answer: Answer }
  /** HTTP/2 DATA written as given, then these trailers (none: the stream just ends). */
  | { kind: 'frames'; data: Buffer; trailers?: Record<string, string>; headers?: Record<string, string> }
  /** Headers only (a "trailers-only" answer) with these values. */
  | { kind: 'status'; headers: Record<string, string> }
  | { kind: 'reset'; code?: number }
  | { kind: 'close-connection' }
  | { kind: 'delay'; ms: number; then: Action }
  | { kind: 'silence' };

/** Decides each call's answer: the method, its index among all calls, the request body. */
export type Script = (method: string, n: number, body: Uint8Array) => Action;

export interface FrontendRun {
  /** Exit status (null: killed by `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
  calls: string[];
  /** Each reference the default answers gave a Solve, by its ID: a digest of that Solve's ops (the IDs go by the order the Solves came in, which two platforms solved at once leave to chance). */
  solved: Record<string, string>;
  /** The Return request, when the frontend got that far. */
  returned?: gw.ReturnRequest;
  /** Killed because it did not exit within the bound. */
  timedOut: boolean;
}

/**
 * A Solve request's digest: its Definition's ops, in the order written (its
 * metadata is left out: COPY --link names a progress group at random).
 */
function solveKey(body: Uint8Array): string {
  const h = createHash('sha256');
  for (const op of decodeMessage(gw.SolveRequest, body).Definition?.def ?? []) h.update(createHash('sha256').update(op).digest());
  return h.digest('hex');
}

/** The entry point (scripts/launcher.cjs), as the frontend image runs it. */
const entry = join(repoRoot, 'dist', 'dockerfile-llb.js');
/** The bundle without the entry point: the gRPC client sends the whole preface itself. */
const bundle = join(repoRoot, 'dist', 'dockerfile-llb-bundle.js');

/** A gRPC message frame: flag byte, 4-byte big-endian length, the bytes. */
export function frame(message: Uint8Array, compressed = false, length = message.length): Buffer {
  const b = Buffer.alloc(5 + message.length);
  b[0] = compressed ? 1 : 0;
  b.writeUInt32BE(length, 1);
  b.set(message, 5);
  return b;
}

/** A grpc-message value as grpc-go writes it: UTF-8, each byte outside printable ASCII and `%` percent-encoded. */
function grpcMessage(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) out += b >= 0x20 && b <= 0x7e && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

function destroy(s: ServerHttp2Session): void {
  s.destroy();
}

function perform(stream: ServerHttp2Stream, session: ServerHttp2Session, a: Action, dflt: Answer): void {
  if (stream.destroyed || stream.closed) return;
  switch (a.kind) {
    case 'default':
      return perform(stream, session, { kind: 'answer', answer: dflt }, dflt);
    case 'answer':
      if ('code' in a.answer) {
        return perform(stream, session, { kind: 'status', headers: { 'grpc-status': String(a.answer.code), 'grpc-message': grpcMessage(a.answer.text) } }, dflt);
      }
      return perform(stream, session, { kind: 'frames', data: frame(a.answer.message), trailers: { 'grpc-status': '0' } }, dflt);
    case 'frames':
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...a.headers }, { waitForTrailers: a.trailers !== undefined });
      if (a.trailers !== undefined) {
        const t = a.trailers;
        stream.on('wantTrailers', () => stream.sendTrailers(t));
      }
      stream.end(a.data);
      return;
    case 'status':
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...a.headers }, { endStream: true });
      return;
    case 'reset':
      stream.close(a.code ?? h2.NGHTTP2_INTERNAL_ERROR);
      return;
    case 'close-connection':
      destroy(session);
      return;
    case 'delay': {
      const then = a.then;
      setTimeout(() => perform(stream, session, then, dflt), a.ms);
      return;
    }
    case 'silence':
      return;
  }
}

/**
 * Runs the frontend process against the script; kills it (SIGKILL) when it
 * has not exited after `boundMs`. `command` runs another gateway frontend
 * instead (upstream's, say) with the same standard input and output.
 */
export async function runFrontend(script: Script, opts: { env?: Record<string, string>; boundMs?: number; bundleOnly?: boolean; command?: string[] } = {}): Promise<FrontendRun> {
  const boundMs = opts.boundMs ?? 20_000;
  // The child's standard input and output are one end of a Unix socket
  // connection; the server is at the other (a real socket: Node's HTTP/2 over
  // a JavaScript stream wrapper asserts when the peer vanishes mid-write).
  const dir = mkdtempSync(join(tmpdir(), 'fake-daemon-'));
  const listener = createNetServer();
  await new Promise<void>((resolve) => listener.listen(join(dir, 'sock'), resolve));
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  const childEnd = createConnection(join(dir, 'sock'));
  await new Promise<void>((resolve) => childEnd.once('connect', resolve));
  const daemonEnd = await accepted;
  listener.close();
  rmSync(dir, { recursive: true, force: true });
  const [cmd, ...args] = opts.command ?? [process.execPath, opts.bundleOnly === true ? bundle : entry, 'frontend'];
  const child = spawn(cmd!, args, {
    stdio: [childEnd, childEnd, 'pipe'],
    env: { PATH: process.env.PATH ?? '', BUILDKIT_SESSION_ID: 'fake-daemon', ...opts.env },
  });
  childEnd.destroy();
  daemonEnd.on('error', () => {});
  const t0 = Date.now();
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const calls: string[] = [];
  const solved: Record<string, string> = {};
  const state: { refs: number; returned?: gw.ReturnRequest } = { refs: 0 };
  let returned: gw.ReturnRequest | undefined;
  const server = createServer();
  const sessions: ServerHttp2Session[] = [];
  server.on('session', (s) => {
    sessions.push(s);
    s.on('error', () => {});
  });
  server.on('stream', (stream, headers) => {
    stream.on('error', () => {});
    const method = String(headers[':path'] ?? '').split('/').pop() ?? '';
    const n = calls.length;
    calls.push(method);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const body = Buffer.concat(chunks).subarray(5);
      if (method === 'Return') {
        try {
          returned = decodeMessage(gw.ReturnRequest, body);
        } catch {
          // recorded as not returned
        }
      }
      const before = state.refs;
      const dflt = answerFor(method, body, state);
      if (method === 'Solve' && state.refs !== before) solved[`rehearsal-${state.refs}`] = solveKey(body);
      perform(stream, stream.session as ServerHttp2Session, script(method, n, body), dflt);
    });
  });
  server.emit('connection', daemonEnd);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, boundMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  for (const s of sessions) destroy(s);
  daemonEnd.destroy();
  return { code, signal, ms: Date.now() - t0, stderr, calls, solved, returned, timedOut };
}

/** What a run must look like whatever the daemon did: a prompt exit, no stack trace, no raw JavaScript failure in what was said or returned. */
export function cleanExitProblems(r: FrontendRun, boundMs: number): string[] {
  const problems: string[] = [];
  if (r.timedOut) problems.push(`did not exit within ${boundMs} ms`);
  if (r.code === null) problems.push(`killed by ${r.signal}`);
  const said = [r.stderr, r.returned?.error?.message ?? ''].join('\n');
  if (/^\s+at .*\(.*:\d+:\d+\)$/m.test(said)) problems.push('a stack trace');
  for (const bad of ['TypeError', 'RangeError', 'ReferenceError', 'undefined undefined', 'NaN', 'internal error', 'is not iterable', 'Cannot read properties']) {
    if (said.includes(bad)) problems.push(`says ${JSON.stringify(bad)}`);
  }
  return problems;
}
