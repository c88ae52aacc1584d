// `--progress rawjson`: each Status message as one JSON line, in the shape of
// Go's client.SolveStatus (client/graph.go) that buildctl encodes.
import { toTime } from './trace.ts';
import type * as ctl from '../../gen/moby.buildkit.v1.ts';
import type { Timestamp } from '../../gen/google.protobuf.ts';
import * as pb from '../../gen/pb.ts';
import type { MessageDesc, MessageObject } from '../../protobuf/registry.ts';
import { goStructValue } from '../../frontend/errors.ts';
import { goJSONStringify } from '../../go/json.ts';

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's time.RFC3339Nano in UTC). */
function rfc3339(t: Timestamp | undefined): string | undefined {
  if (t === undefined) return undefined;
  const ms = toTime(t)!;
  const base = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  const nanos = String(t.nanos ?? 0).padStart(9, '0').replace(/0+$/, '');
  return `${base}${nanos === '' ? '' : '.' + nanos}Z`;
}

/** A []byte as encoding/json writes it: base64, or nothing (null where the field is not omitempty) when empty, as a bytes field that proto3 did not send decodes. */
function b64(b: Uint8Array | undefined): string | undefined {
  return b === undefined || b.length === 0 ? undefined : Buffer.from(b).toString('base64');
}

/** A message of solver/pb (SourceInfo, Range, ProgressGroup) as encoding/json writes its protoc-gen-go struct. */
function goStruct(desc: MessageDesc, m: object | undefined): unknown {
  return m === undefined ? undefined : goStructValue(desc, m as MessageObject);
}

export function solveStatusJSON(s: ctl.StatusResponse): string {
  const o: Record<string, unknown> = {};
  if (s.vertexes?.length) {
    o.vertexes = s.vertexes.map((v) => ({
      digest: v.digest || undefined,
      inputs: v.inputs?.length ? v.inputs : undefined,
      name: v.name || undefined,
      started: rfc3339(v.started),
      completed: rfc3339(v.completed),
      cached: v.cached || undefined,
      error: v.error || undefined,
      progressGroup: goStruct(pb.ProgressGroup as MessageDesc, v.progressGroup),
    }));
  }
  if (s.statuses?.length) {
    o.statuses = s.statuses.map((x) => ({
      id: x.ID ?? '',
      vertex: x.vertex || undefined,
      name: x.name || undefined,
      total: Number(x.total ?? 0) || undefined,
      current: Number(x.current ?? 0),
      timestamp: rfc3339(x.timestamp) ?? '0001-01-01T00:00:00Z',
      started: rfc3339(x.started),
      completed: rfc3339(x.completed),
    }));
  }
  if (s.logs?.length) {
    o.logs = s.logs.map((l) => ({
      vertex: l.vertex || undefined,
      stream: Number(l.stream ?? 0) || undefined,
      data: b64(l.msg) ?? null,
      timestamp: rfc3339(l.timestamp) ?? '0001-01-01T00:00:00Z',
    }));
  }
  if (s.warnings?.length) {
    o.warnings = s.warnings.map((w) => ({
      vertex: w.vertex || undefined,
      level: Number(w.level ?? 0) || undefined,
      short: b64(w.short),
      // (An empty element of a repeated bytes field decodes to an empty, non-nil []byte in Go: "".)
      detail: w.detail?.length ? w.detail.map((d) => b64(d) ?? '') : undefined,
      url: w.url || undefined,
      sourceInfo: goStruct(pb.SourceInfo as MessageDesc, w.info),
      range: w.ranges?.length ? w.ranges.map((r) => goStruct(pb.Range as MessageDesc, r)) : undefined,
    }));
  }
  // As json.Encoder writes it: Go's escapes (<, > and & among them).
  return goJSONStringify(o);
}
