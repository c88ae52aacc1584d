// Errors a frontend returns to BuildKit: a google.rpc.Status whose details are
// typed Any values with JSON bodies, as util/grpcerrors.ToGRPC writes them
// (typeurl "github.com/moby/buildkit/" + the registered name, value =
// encoding/json of the Go protobuf struct). Clients such as buildctl render
// an errdefs.Source detail as a Dockerfile excerpt.
import type { Status } from '../gen/google.rpc.ts';
import type { Any } from '../gen/google.protobuf.ts';
import type { SourceInfo } from '../gen/pb.ts';
import * as pb from '../gen/pb.ts';
import { messageDesc, type MessageDesc, type MessageObject, type FieldDesc } from '../protobuf/registry.ts';
import { BridgeError } from './bridge.ts';
import { DockerfileError, type LineRange } from '../dockerfile/errors.ts';
import { goJSONStringify } from '../go/json.ts';

export const Code = { Unknown: 2, InvalidArgument: 3, NotFound: 5, Unimplemented: 12, Unavailable: 14 } as const;

/** An error to return as it is: code, message and details. */
export class FrontendError extends Error {
  constructor(
    message: string,
    readonly code: number = Code.Unknown,
    readonly details: Any[] = [],
  ) {
    super(message);
    this.name = 'FrontendError';
  }
}

/** Go's encoding/json of a protoc-gen-go struct: proto names, omitempty, bytes as base64. */
export function goStructJSON(desc: MessageDesc, msg: MessageObject): string {
  return goJSONStringify(goValue(desc, msg));
}

/** goStructJSON's value before stringifying (object keys in Go's order). */
export function goStructValue(desc: MessageDesc, msg: MessageObject): Record<string, unknown> {
  return goValue(desc, msg);
}

function goValue(desc: MessageDesc, msg: MessageObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of desc.fields) {
    const v = f.kind !== 'map' && f.oneof !== undefined ? oneofValue(msg, f) : msg[f.name];
    if (v === undefined || v === null) continue;
    const j = fieldValue(f, v);
    if (j === undefined) continue;
    out[f.name] = j;
  }
  return out;
}

function oneofValue(msg: MessageObject, f: FieldDesc): unknown {
  if (f.kind === 'map' || f.oneof === undefined) return undefined;
  const o = msg[f.oneof] as { case?: string; value?: unknown } | undefined;
  return o?.case === f.name ? o.value : undefined;
}

function scalarJSON(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function isEmpty(v: unknown): boolean {
  return v === '' || v === 0 || v === false || (v instanceof Uint8Array && v.length === 0);
}

function fieldValue(f: FieldDesc, v: unknown): unknown {
  if (f.kind === 'map') {
    // encoding/json writes map keys sorted.
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return undefined;
    const o: Record<string, unknown> = {};
    for (const [k, x] of entries) {
      o[k] = f.mapValue.kind === 'message' ? goValue(messageDesc(f.mapValue.typeName), x as MessageObject) : scalarJSON(x);
    }
    return o;
  }
  if (f.repeated) {
    const arr = v as unknown[];
    if (arr.length === 0) return undefined;
    return arr.map((x) => (f.kind === 'message' ? goValue(messageDesc(f.typeName), x as MessageObject) : scalarJSON(x)));
  }
  if (f.kind === 'message') return goValue(messageDesc(f.typeName), v as MessageObject);
  if (isEmpty(v)) return undefined;
  return scalarJSON(v);
}

const TYPE_PREFIX = 'github.com/moby/buildkit/';

/**
 * The source a location is in: the Dockerfile's `info`, or an included file
 * (labs INCLUDE) by its name and bytes, loaded by the Dockerfile's source.
 */
export function sourceInfoOf(info: SourceInfo, range: LineRange | undefined): SourceInfo {
  const file = range?.file;
  return file === undefined ? info : { ...info, filename: file.name, data: file.data };
}

/** An errdefs.Source detail: the Dockerfile and the lines an error is about (one Range per line). */
export function sourceDetail(info: SourceInfo, range: LineRange): Any {
  info = sourceInfoOf(info, range);
  const ranges: pb.Range[] = [];
  const end = range.end > range.start ? range.end : range.start;
  for (let l = range.start; l <= end; l++) ranges.push({ start: { line: l }, end: { line: l } });
  const json = goJSONStringify({
    info: goValue(pb.SourceInfo as MessageDesc, info as MessageObject),
    ranges: ranges.map((r) => goValue(pb.Range as MessageDesc, r as MessageObject)),
  });
  return { type_url: TYPE_PREFIX + 'errdefs.Source+json', value: new TextEncoder().encode(json) };
}

/**
 * A converter error as the frontend returns it. With `info`, its Dockerfile
 * locations become errdefs.Source details, outermost location first
 * (upstream wraps the error once per location and ToGRPC lists the outermost
 * wrapper first); without it (subrequests, which upstream's builder answers
 * before it sets up that wrapping) it has none. If it carries a daemon error
 * (a failed image resolution) that error's message, code and details are
 * kept, as ToGRPC does.
 */
export function withLocations(err: unknown, info: SourceInfo | undefined, failures: readonly BridgeError[]): Error {
  if (!(err instanceof DockerfileError)) return err instanceof Error ? err : new Error(String(err));
  const sources = info === undefined ? [] : [...err.ranges].reverse().map((r) => sourceDetail(info, r));
  const inner = failures.find((f) => err.message.includes(f.message));
  if (inner) return new FrontendError(inner.message, inner.code, [...(inner.status?.details ?? []), ...sources]);
  return new FrontendError(err.message, Code.Unknown, sources);
}

/** The Status to Return for an error: details of a failed daemon call are passed on. */
export function toStatus(err: unknown): Status {
  if (err instanceof FrontendError) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof BridgeError) {
    return { code: err.code, message: err.message, details: err.status?.details ?? [] };
  }
  return { code: Code.Unknown, message: err instanceof Error ? err.message : String(err), details: [] };
}
