// Tar blocks made by hand for the tests of Go's archive/tar emulation
// (src/go/tar.ts): headers of every format with any field's bytes, data
// sections, PAX records, and seeded mutations of whole streams.
import type { Rng } from '../convert/fuzz/generate.ts';

export interface Fields {
  name?: string;
  mode?: string | number[];
  uid?: string;
  gid?: string;
  size?: string | number[];
  mtime?: string | number[];
  type?: string;
  linkname?: string;
  format?: 'ustar' | 'gnu' | 'v7' | 'star';
  prefix?: string;
  atime?: string;
  realSize?: string;
  sparse?: [string, string][];
  extended?: boolean;
}

const enc = (s: string): number[] => [...Buffer.from(s, 'latin1')];

/** A 512-byte header block with a right checksum (unless `badSum`). */
export function header(f: Fields, badSum = false): Buffer {
  const b = Buffer.alloc(512);
  const put = (off: number, v: string | number[] | undefined, len: number): void => {
    if (v === undefined) return;
    const bytes = typeof v === 'string' ? enc(v) : v;
    for (let i = 0; i < Math.min(len, bytes.length); i++) b[off + i] = bytes[i]!;
  };
  put(0, f.name ?? 'file.txt', 100);
  put(100, f.mode ?? '0000644\0', 8);
  put(108, f.uid ?? '0001750\0', 8);
  put(116, f.gid ?? '0001750\0', 8);
  put(124, f.size ?? '00000000000\0', 12);
  put(136, f.mtime ?? '14530000000\0', 12);
  put(156, f.type ?? '0', 1);
  put(157, f.linkname, 100);
  const format = f.format ?? 'ustar';
  if (format === 'ustar' || format === 'star') {
    put(257, 'ustar\0', 6);
    put(263, '00', 2);
  } else if (format === 'gnu') {
    put(257, 'ustar ', 6);
    put(263, ' \0', 2);
  }
  if (format !== 'v7') {
    put(265, 'user', 32);
    put(297, 'group', 32);
  }
  if (format === 'star') put(508, 'tar\0', 4);
  put(345, f.prefix, format === 'star' ? 131 : 155);
  if (format === 'gnu') {
    put(345, f.atime, 12);
    put(483, f.realSize, 12);
    (f.sparse ?? []).forEach(([o, l], i) => {
      put(386 + i * 24, o, 12);
      put(386 + i * 24 + 12, l, 12);
    });
    if (f.extended) b[386 + 96] = 1;
  }
  fixSum(b, badSum);
  return b;
}

export function fixSum(b: Buffer, bad = false): void {
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const c of b) sum += c;
  if (bad) sum += 1;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
}

export const octal = (n: number, width = 12): string => n.toString(8).padStart(width - 1, '0') + '\0';
/** The data section of `n` bytes from `text`, padded to whole blocks. */
export function data(text: string): Buffer {
  const b = Buffer.from(text, 'latin1');
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
}
export const paxRecord = (k: string, v: string): string => {
  const body = ` ${k}=${v}\n`;
  let n = body.length + 1;
  while (String(n).length + body.length !== n) n++;
  return `${n}${body}`;
};


/**
 * A seeded mutation of `base`: one to four bytes changed, at the offsets in
 * `spots` of a block mostly (plus up to 7), to a byte of `pool` mostly; the
 * checksum of most non-zero blocks made right again, so that the fields'
 * parsing decides; in one case of five the stream cut at random.
 */
export function mutate(r: Rng, base: Buffer, spots: readonly number[], pool: readonly number[]): Buffer {
  const b = Buffer.from(base);
  const edits = 1 + r.int(4);
  for (let k = 0; k < edits; k++) {
    const block = r.int(Math.ceil(b.length / 512));
    const spot = r.pick([...spots, r.int(512)]);
    const at = block * 512 + spot + (r.chance(0.5) ? r.int(8) : 0);
    if (at < b.length) b[at] = r.chance(0.7) ? r.pick(pool) : r.int(256);
  }
  for (let off = 0; off + 512 <= b.length; off += 512) if (r.chance(0.9) && b.subarray(off, off + 512).some((x) => x !== 0)) fixSum(b.subarray(off, off + 512) as Buffer);
  const cut = r.chance(0.2) ? r.int(b.length + 1) : b.length;
  return b.subarray(0, cut);
}
