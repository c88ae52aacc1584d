// A finished build's error as the daemon recorded it in its build history.
//
// The daemon's answer to a failed Solve carries the error's details
// (errdefs.Source holds the whole Dockerfile) in one header field. Node.js's
// HTTP/2 (nghttp2) silently drops a header field whose encoded size is over
// 64 KiB, so for a Dockerfile over ~45 KB that answer never arrives. The same
// error, details included, is in the build's history record: its
// ExternalError, a google.rpc.Status blob in the daemon's content store,
// read through the content service buildkitd serves beside the control API
// (as `buildx history` reads it). Both come as messages, which have no such
// limit.
import * as grpc from '@grpc/grpc-js';
import type { MessageDesc } from '../protobuf/registry.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import * as ctl from '../gen/moby.buildkit.v1.ts';
import * as rpc from '../gen/google.rpc.ts';
import * as content from '../gen/containerd.services.content.v1.ts';
import { BridgeError } from '../frontend/bridge.ts';
import { decoder, encoder, type Connection } from './connection.ts';

/** Every message of a server-streaming call, or the call's error. */
async function collect<Req, Res>(conn: Connection, path: string, req: MessageDesc<Req>, res: MessageDesc<Res>, value: Req, until?: (m: Res) => boolean): Promise<Res[]> {
  const call = conn.client.makeServerStreamRequest(path, encoder(req), decoder(res), value, new grpc.Metadata(), {});
  const out: Res[] = [];
  try {
    for await (const m of call) {
      out.push(m as Res);
      if (until?.(m as Res)) break;
    }
  } finally {
    call.cancel();
  }
  return out;
}

/**
 * The error of the finished build `ref` from its history record, as the
 * failed Solve would have carried it; undefined when the record has none (a
 * build that did not fail, or a daemon that keeps no history). Asked on a
 * connection of its own: the header field Node.js could not read ended the
 * build's (it refuses new streams).
 */
export async function recordedBuildError(build: Connection, ref: string): Promise<BridgeError | undefined> {
  const conn = await build.again();
  try {
    return await readRecordedError(conn, ref);
  } finally {
    conn.close();
  }
}

async function readRecordedError(conn: Connection, ref: string): Promise<BridgeError | undefined> {
  // The record's COMPLETE event (it follows the Solve's end; the build's progress may end first).
  const events = await collect(conn, '/moby.buildkit.v1.Control/ListenBuildHistory', ctl.BuildHistoryRequest, ctl.BuildHistoryEvent, { Ref: ref }, (e) => e.type === ctl.BuildHistoryEventType.COMPLETE);
  const record = events.find((e) => e.type === ctl.BuildHistoryEventType.COMPLETE)?.record;
  const blob = record?.externalError;
  if (record?.error === undefined || blob?.digest === undefined) return undefined;
  const chunks = await collect(conn, '/containerd.services.content.v1.Content/Read', content.ReadContentRequest, content.ReadContentResponse, { digest: blob.digest });
  const status = decodeMessage(rpc.Status, Buffer.concat(chunks.map((c) => c.data ?? new Uint8Array())));
  return new BridgeError('Solve', status.code ?? grpc.status.UNKNOWN, status.message ?? '', status);
}
