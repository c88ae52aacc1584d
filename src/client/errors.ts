// A build error's Dockerfile excerpts, printed as buildctl prints them
// (solver/errdefs/source.go Source.Print) from the errdefs.Source details of
// the gRPC status.
import { decodeMessage } from '../llb/protobuf/decode.ts';
import { Source } from '../gen/errdefs.ts';
import type { Range } from '../gen/pb.ts';
import type { Status } from '../gen/google.rpc.ts';

function lineRange(ranges: readonly Range[]): [number, number] | undefined {
  let start = 0;
  let end = 0;
  let first = true;
  for (const r of ranges) {
    const s = r.start?.line ?? 0;
    const e = Math.max(r.end?.line ?? 0, s);
    if (first || s < start) start = s;
    if (e > end) end = e;
    first = false;
  }
  return first ? undefined : [start, end];
}

function containsLine(ranges: readonly Range[], l: number): boolean {
  return ranges.some((r) => {
    const s = r.start?.line ?? 0;
    return s <= l && Math.max(r.end?.line ?? 0, s) >= l;
  });
}

/** The excerpt of one source: `FILE:LINE`, the lines around, `>>>` on the lines of the error. */
export function printSource(src: Source): string {
  const info = src.info;
  if (info === undefined) return '';
  const lines = Buffer.from(info.data ?? new Uint8Array()).toString().split('\n');
  const ranges = src.ranges ?? [];
  const se = lineRange(ranges);
  if (se === undefined) return '';
  let [start, end] = se;
  if (start > lines.length || start < 1) return '';
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  const first = start;
  for (let p = 0; p < pad; ) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${info.filename ?? ''}:${first}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    out += ` ${String(i).padStart(3)} | ${containsLine(ranges, i) ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  return out + '--------------------\n';
}

/** Every errdefs.Source in the status details, in order. */
export function printSources(status: Status | undefined): string {
  let out = '';
  for (const d of status?.details ?? []) {
    if (!(d.type_url ?? '').endsWith('/errdefs.Source')) continue;
    try {
      out += printSource(decodeMessage(Source, d.value ?? new Uint8Array()));
    } catch {
      /* not decodable: left out */
    }
  }
  return out;
}
