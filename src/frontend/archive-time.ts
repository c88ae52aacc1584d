// The newest modification time of a regular file in an HTTP source's archive,
// for SOURCE_DATE_EPOCH when the server sends no Last-Modified: upstream's
// archiveMaxTimeFromRef with allowNonArchive (dockerfile2llb/epoch.go). The
// data goes through go-archive's DecompressStream (src/go/decompress.ts) and
// archive/tar's Reader (src/go/tar.ts), which asks for the decompressed bytes
// a chunk at a time and passes over files' data without keeping it; data that
// is no readable archive, or an archive that fails part way, gives no time.

import type { SourceTime } from '../dockerfile/convert/types.ts';
import { decompressStream } from '../go/decompress.ts';
import { TarError, TarReader, tarIsRegular, type TarTime } from '../go/tar.ts';

/** Seconds from year 1 to 1970: Go's internal seconds are the Unix seconds plus these, in an int64. */
const UNIX_TO_INTERNAL = 62135596800n;
const internalSeconds = (t: TarTime): bigint => BigInt.asIntN(64, BigInt.asIntN(64, t.seconds) + UNIX_TO_INTERNAL);

/** time.Time.After, on the instants as Go stores them (time.Unix's sum wraps as int64 does). */
function after(a: TarTime, b: TarTime): boolean {
  const as = internalSeconds(a);
  const bs = internalSeconds(b);
  return as > bs || (as === bs && a.nanos > b.nanos);
}

export async function archiveMaxTime(data: Uint8Array): Promise<SourceTime | undefined> {
  const stream = await decompressStream(data);
  if (stream === undefined) return undefined;
  const tr = new TarReader(stream);
  let max: TarTime | undefined;
  for (;;) {
    let hdr;
    try {
      hdr = tr.next();
    } catch (err) {
      if (err instanceof TarError) return undefined;
      throw err;
    }
    if (hdr === undefined) return max === undefined ? undefined : { seconds: BigInt.asIntN(64, max.seconds), nanos: max.nanos, offsetSeconds: 0 };
    if (tarIsRegular(hdr) && (max === undefined || after(hdr.modTime, max))) max = hdr.modTime;
  }
}
