// dockerui's isArchive (whether an HTTP(S) build context's first 1024 bytes
// are an archive) against upstream's own function, run by the oracle's
// `is-archive` (dockerui.isArchive itself, through go:linkname): ours
// (src/dockerui/context.ts, src/dockerui/tar-head.ts) on hand-made tar
// streams of every header format and special entry (PAX, GNU long names,
// old GNU and PAX sparse maps), and on thousands of seeded mutations of them
// whose checksums are then made right, so that the fields' parsing is what
// decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { isArchive } from '../../src/dockerui/context.ts';
import { Rng } from '../convert/fuzz/generate.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

interface Fields {
  name?: string;
  mode?: string;
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
function header(f: Fields, badSum = false): Buffer {
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

function fixSum(b: Buffer, bad = false): void {
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const c of b) sum += c;
  if (bad) sum += 1;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
}

const octal = (n: number, width = 12): string => n.toString(8).padStart(width - 1, '0') + '\0';
/** The data section of `n` bytes from `text`, padded to whole blocks. */
function data(text: string): Buffer {
  const b = Buffer.from(text, 'latin1');
  return Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
}
const paxRecord = (k: string, v: string): string => {
  const body = ` ${k}=${v}\n`;
  let n = body.length + 1;
  while (String(n).length + body.length !== n) n++;
  return `${n}${body}`;
};

/** The hand-made streams: name and bytes. */
function handMade(): [string, Buffer][] {
  const pax = (records: string, next?: Buffer, type = 'x'): Buffer =>
    Buffer.concat([header({ type, size: octal(records.length) }), data(records), ...(next ? [next] : [])]);
  const file = header({});
  const sparsePax = paxRecord('GNU.sparse.numblocks', '1') + paxRecord('GNU.sparse.offset', '0') + paxRecord('GNU.sparse.numbytes', '5');
  return [
    ['empty', Buffer.alloc(0)],
    ['plain text', Buffer.from('FROM busybox\nRUN true\n')],
    ['gzip magic', Buffer.from([0x1f, 0x8b, 0x08, 0])],
    ['bzip2 magic', Buffer.from('BZh91AY')],
    ['xz magic', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])],
    ['xz magic short', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a])],
    ['ustar file', file],
    ['ustar file and data', Buffer.concat([header({ size: octal(100) }), data('x'.repeat(100))])],
    ['gnu file', header({ format: 'gnu' })],
    ['v7 file', header({ format: 'v7' })],
    ['star file', header({ format: 'star' })],
    ['bad checksum', header({}, true)],
    ['one zero block', Buffer.alloc(512)],
    ['two zero blocks', Buffer.alloc(1024)],
    ['a zero block then a header', Buffer.concat([Buffer.alloc(512), file])],
    ['a header cut short', file.subarray(0, 511)],
    ['size with an inner NUL', header({ size: '0000\u00000000012' })],
    ['size with a space inside', header({ size: '0000 0000012' })],
    ['size in spaces only', header({ size: '            ' })],
    ['size with an 8', header({ size: '00000000008\0' })],
    ['size base-256', header({ size: [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5] })],
    ['size base-256 negative', header({ size: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe] })],
    ['size base-256 overflow', header({ size: [0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] })],
    ['directory with a negative size', header({ type: '5', size: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe] })],
    ['mode with a letter', header({ mode: '00006x4\0' })],
    ['mtime base-256 overflow', header({ mtime: [0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] })],
    ['star atime bad', (() => { const b = header({ format: 'star' }); b.write('9', 476, 'latin1'); fixSum(b); return b; })()],
    ['gnu atime bad, ascii prefix', header({ format: 'gnu', atime: 'abc' })],
    ['pax empty, then a file', pax('', file)],
    ['pax path, then a file', pax(paxRecord('path', 'a/b'), file)],
    ['pax record, no file after', pax(paxRecord('path', 'a'))],
    ['pax bad record length', pax('99 path=a\n', file)],
    ['pax record without =', pax('9 pathab\n', file)],
    ['pax size bad', pax(paxRecord('size', 'x'), file)],
    ['pax mtime fraction', pax(paxRecord('mtime', '12.5'), file)],
    ['pax mtime bad fraction', pax(paxRecord('mtime', '12.5x'), file)],
    ['pax uid overflow', pax(paxRecord('uid', '99999999999999999999'), file)],
    ['pax NUL in a key', pax(paxRecord('a\0b', 'c'), file)],
    ['pax NUL in a path', pax(paxRecord('path', 'a\0b'), file)],
    ['global pax', pax(paxRecord('comment', 'x'), undefined, 'g')],
    ['global pax, bad size record', pax(paxRecord('size', 'x'), undefined, 'g')],
    ['global pax, bad record', pax('3 x\n', undefined, 'g')],
    ['gnu long name, empty, then a file', Buffer.concat([header({ type: 'L', size: octal(0) }), file])],
    ['gnu long name with data', Buffer.concat([header({ type: 'L', size: octal(10) }), data('longname\0\0'), file])],
    ['gnu long name, file cut', Buffer.concat([header({ type: 'L', size: octal(600) }), data('n'.repeat(500))])],
    ['old gnu sparse', header({ format: 'gnu', type: 'S', realSize: octal(100), sparse: [[octal(0), octal(10)]] })],
    ['old gnu sparse beyond its size', header({ format: 'gnu', type: 'S', realSize: octal(5), sparse: [[octal(0), octal(10)]] })],
    ['old gnu sparse, overlapping', header({ format: 'gnu', type: 'S', realSize: octal(100), sparse: [[octal(10), octal(10)], [octal(5), octal(1)]] })],
    ['old gnu sparse, extended, cut', header({ format: 'gnu', type: 'S', realSize: octal(100), sparse: [[octal(0), octal(1)]], extended: true })],
    ['old gnu sparse, extended block', Buffer.concat([header({ format: 'gnu', type: 'S', realSize: octal(100), sparse: [[octal(0), octal(1)]], extended: true }), Buffer.alloc(512)])],
    ['sparse type, not gnu', header({ type: 'S' })],
    ['pax sparse 0.1, then a file', pax(sparsePax, header({ size: octal(5) }))],
    ['pax sparse 0.1 beyond the size', pax(sparsePax, header({ size: octal(2) }))],
    ['pax sparse 0.1, count wrong', pax(paxRecord('GNU.sparse.numblocks', '2') + paxRecord('GNU.sparse.map', '0,1'), file)],
    ['pax sparse, offsets out of order', pax(paxRecord('GNU.sparse.numbytes', '1'), file)],
    ['pax sparse 1.0, map cut', pax(paxRecord('GNU.sparse.major', '1') + paxRecord('GNU.sparse.minor', '0'), header({ size: octal(600) }))],
    ['pax sparse unknown version', pax(paxRecord('GNU.sparse.major', '2'), file)],
    ['legacy regular file named as a directory, sparse', pax(sparsePax, header({ type: '\0', name: 'dir/', size: octal(5) }))],
    ['legacy regular file', header({ type: '\0' })],
  ];
}

/** Seeded mutations of hand-made streams: bytes changed, the checksum made right again, the stream cut. */
function mutated(seed: number, count: number): [string, Buffer][] {
  const r = new Rng(seed);
  const bases = handMade().filter(([, b]) => b.length >= 512);
  const pool = [0x00, 0x20, 0x30, 0x37, 0x38, 0x2f, 0x0a, 0x3d, 0x80, 0xff, 0x41, 0x2c, 0x2d, 0x2b, 0x2e];
  const out: [string, Buffer][] = [];
  for (let i = 0; i < count; i++) {
    const [name, base] = r.pick(bases);
    const b = Buffer.from(base);
    const edits = 1 + r.int(4);
    for (let k = 0; k < edits; k++) {
      const block = r.int(Math.ceil(b.length / 512));
      // Mostly the fields the parser reads: numeric fields, type, magic, the sparse area, a PAX body.
      const spot = r.pick([100, 108, 116, 124, 130, 135, 136, 156, 257, 263, 329, 345, 386, 400, 482, 483, 508, r.int(512)]);
      const at = block * 512 + spot + (r.chance(0.5) ? r.int(8) : 0);
      if (at < b.length) b[at] = r.chance(0.7) ? r.pick(pool) : r.int(256);
    }
    for (let off = 0; off + 512 <= b.length; off += 512) if (r.chance(0.9) && b.subarray(off, off + 512).some((x) => x !== 0)) fixSum(b.subarray(off, off + 512) as Buffer);
    const cut = r.chance(0.2) ? r.int(b.length + 1) : b.length;
    out.push([`${name} #${i}`, b.subarray(0, Math.min(cut, 1024))]);
  }
  return out;
}

function compare(cases: [string, Buffer][]): { differing: string[]; archives: number } {
  const answers = runOracleLines(
    'is-archive',
    cases.map(([, b]) => b.toString('base64')),
  );
  const differing: string[] = [];
  let archives = 0;
  cases.forEach(([name, b], i) => {
    const up = JSON.parse(answers[i]!) as boolean;
    if (up) archives++;
    const ours = isArchive(b);
    if (ours !== up) differing.push(`${name}: ours ${ours}, upstream ${up} (${b.toString('base64').slice(0, 120)})`);
  });
  return { differing, archives };
}

test('dockerui isArchive: hand-made and mutated tar streams as upstream reads them', { skip, timeout: 300_000 }, () => {
  const cases = [...handMade(), ...mutated(20261206, 4000)];
  const { differing, archives } = compare(cases);
  console.log(`is archive: ${cases.length - differing.length}/${cases.length} identical (${archives} archives to upstream)`);
  assert.deepEqual(differing.slice(0, 10), []);
});

// A slice whose seed changes every run (printed; TAR_FUZZ_SEED=S replays it).
test('dockerui isArchive: mutated tar streams, a new seed every run', { skip, timeout: 300_000 }, () => {
  const seed = Number(process.env.TAR_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const cases = mutated(seed, Number(process.env.TAR_FUZZ_COUNT ?? '2000'));
  const { differing, archives } = compare(cases);
  console.log(`is archive, seed ${seed}: ${cases.length - differing.length}/${cases.length} identical (${archives} archives to upstream)`);
  assert.deepEqual(differing.slice(0, 10), []);
});
