// A build error's Dockerfile excerpts, printed as buildctl prints them
// (errdefs.Sources of the error, each Source.Print) from the errdefs.Source
// details of the gRPC status.
import { decodeMessage } from '../protobuf/decode.ts';
import { Source } from '../gen/errdefs.ts';
import type { Status } from '../gen/google.rpc.ts';
import { printSourceExcerpt } from '../subrequests/lint.ts';

export { grpcErrorText } from '../go/grpcerrors.ts';

interface SourceJSON {
  info?: { filename?: string; data?: string };
  ranges?: { start?: { line?: number }; end?: { line?: number } }[];
}

function fromJSON(j: SourceJSON): Source {
  return {
    info: j.info === undefined ? undefined : { filename: j.info.filename, data: Buffer.from(j.info.data ?? '', 'base64') },
    ranges: (j.ranges ?? []).map((r) => ({ start: { line: r.start?.line ?? 0 }, end: { line: r.end?.line ?? 0 } })),
  };
}

/** Every errdefs.Source in the status details, in order, as bytes to write. */
export function printSources(status: Status | undefined): Buffer {
  let out = '';
  for (const d of status?.details ?? []) {
    // The daemon sends them as protobuf or, with a "+json" suffix, as protojson.
    const url = d.type_url ?? '';
    let src: Source;
    try {
      if (url.endsWith('errdefs.Source')) src = decodeMessage(Source, d.value ?? new Uint8Array());
      else if (url.endsWith('errdefs.Source+json')) src = fromJSON(JSON.parse(Buffer.from(d.value ?? new Uint8Array()).toString()) as SourceJSON);
      else continue;
    } catch {
      continue;
    }
    if (src.info === undefined) continue;
    const ranges = (src.ranges ?? []).map((r) => ({ start: { line: r.start?.line ?? 0 }, end: { line: r.end?.line ?? 0 } }));
    out += printSourceExcerpt({ filename: src.info.filename ?? '', data: src.info.data ?? new Uint8Array(), language: '' }, ranges);
  }
  return Buffer.from(out, 'latin1');
}
