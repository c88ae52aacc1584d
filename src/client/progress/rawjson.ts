// `--progress rawjson`: each Status message as one JSON line, in the shape of
// Go's client.SolveStatus (client/graph.go) that buildctl encodes.
import { toTime } from './trace.ts';
import type * as ctl from '../../gen/moby.buildkit.v1.ts';
import type { Timestamp } from '../../gen/google.protobuf.ts';

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's time.RFC3339Nano in UTC). */
function rfc3339(t: Timestamp | undefined): string | undefined {
  if (t === undefined) return undefined;
  const ms = toTime(t)!;
  const base = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  const nanos = String(t.nanos ?? 0).padStart(9, '0').replace(/0+$/, '');
  return `${base}${nanos === '' ? '' : '.' + nanos}Z`;
}

function b64(b: Uint8Array | undefined): string | undefined {
  return b === undefined ? undefined : Buffer.from(b).toString('base64');
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
      progressGroup: v.progressGroup,
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
      data: b64(l.msg) ?? '',
      timestamp: rfc3339(l.timestamp) ?? '0001-01-01T00:00:00Z',
    }));
  }
  if (s.warnings?.length) {
    o.warnings = s.warnings.map((w) => ({
      vertex: w.vertex || undefined,
      level: Number(w.level ?? 0) || undefined,
      short: b64(w.short),
      detail: w.detail?.map((d) => b64(d)),
      url: w.url || undefined,
      sourceInfo: w.info,
      range: w.ranges,
    }));
  }
  return JSON.stringify(o);
}
