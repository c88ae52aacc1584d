// dockerui's isArchive (whether an HTTP(S) build context's first 1024 bytes
// are an archive) against upstream's own function, run by the oracle's
// `is-archive` (dockerui.isArchive itself, through go:linkname): ours
// (src/dockerui/context.ts, src/go/tar.ts) on hand-made tar
// streams of every header format and special entry (PAX, GNU long names,
// old GNU and PAX sparse maps), and on thousands of seeded mutations of them
// whose checksums are then made right, so that the fields' parsing is what
// decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { isArchive } from '../../src/dockerui/context.ts';
import { Rng } from '../convert/fuzz/generate.ts';
import { data, fixSum, header, mutate, octal, paxRecord } from './tar-gen.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

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
    // Mostly the fields the parser reads: numeric fields, type, magic, the sparse area, a PAX body.
    const b = mutate(r, base, [100, 108, 116, 124, 130, 135, 136, 156, 257, 263, 329, 345, 386, 400, 482, 483, 508], pool);
    out.push([`${name} #${i}`, b.subarray(0, 1024)]);
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
