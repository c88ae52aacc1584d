// The file sync's STAT packets are written field by field (filesync.ts,
// encodePacket); they must be the bytes the generic encoder writes for the
// same packet, whatever the stat holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePacket } from '../../src/client/filesync.ts';
import { goFileMode } from '../../src/client/fswalk.ts';
import { decodeMessage } from '../../src/protobuf/decode.ts';
import { encodeMessage } from '../../src/protobuf/encode.ts';
import { Packet, Packet_PacketType as T, type Stat } from '../../src/gen/fsutil.types.ts';

const stats: Stat[] = [
  {},
  { path: 'a' },
  { path: 'src/7/f7', mode: 0o644, uid: 0, gid: 0, size: 10000n, modTime: 1_600_000_000_123_456_789n },
  { path: 'dir', mode: 2 ** 31 + 0o755, modTime: 1_700_000_000_000_000_000n },
  { path: 'link', mode: (1 << 27) + 0o777, linkname: '../target', size: 9n, modTime: 5n },
  { path: 'hard', mode: 0o600, linkname: 'first', size: 0n },
  { path: 'dev', mode: (1 << 26) + (1 << 21) + 0o666, devmajor: 1n, devminor: 3n, uid: 1000, gid: 1000 },
  { path: 'old', mode: 0o644, modTime: -1_000_000_000n, size: 1 },
  { path: 'numbers', mode: 0o644, modTime: 42, size: 2 ** 40 },
  { path: 'ünïcödé/файл/文件/🙂', mode: 0o644 },
  { path: 'lone \ud800 surrogate', mode: 0o644 },
  { path: 'x'.repeat(300), mode: 0o644, size: 1n },
  { path: 'y'.repeat(20000), mode: 0o644 },
];

test('encodePacket writes a STAT packet as the generic encoder does', () => {
  for (const stat of stats) {
    const p = { type: T.PACKET_STAT, stat };
    assert.deepEqual([...encodePacket(p)], [...encodeMessage(Packet, p)], JSON.stringify(stat, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)).slice(0, 80));
  }
});

test('other packets, and STAT packets with extended attributes, are the generic encoder\'s', () => {
  const packets = [
    { type: T.PACKET_STAT },
    { type: T.PACKET_STAT, stat: { path: 'x', mode: 0o644, xattrs: { 'user.b': new Uint8Array([2]), 'user.a': new Uint8Array([1]) } } },
    { type: T.PACKET_REQ, ID: 7 },
    { type: T.PACKET_DATA, ID: 3, data: new Uint8Array([1, 2, 3]) },
    { type: T.PACKET_FIN },
  ];
  for (const p of packets) assert.deepEqual([...encodePacket(p)], [...encodeMessage(Packet, p)]);
});

test("goFileMode gives Go's uint32 FileMode, the directory bit with the special bits set too", () => {
  const dir = 2 ** 31;
  assert.equal(goFileMode(0o041777), dir + (1 << 20) + 0o777); // a sticky directory, as /tmp
  assert.equal(goFileMode(0o042775), dir + (1 << 22) + 0o775); // a setgid directory
  assert.equal(goFileMode(0o047777), dir + (1 << 23) + (1 << 22) + (1 << 20) + 0o777);
  assert.equal(goFileMode(0o104755), (1 << 23) + 0o755); // a setuid file
  assert.equal(goFileMode(0o120777), (1 << 27) + 0o777);
  // Such a mode encodes as a uint32: the packet decodes to the same Stat.
  const stat = { path: 'tmp', mode: goFileMode(0o041777) };
  const bytes = encodePacket({ type: T.PACKET_STAT, stat });
  assert.deepEqual([...bytes], [...encodeMessage(Packet, { type: T.PACKET_STAT, stat })]);
  assert.equal(decodeMessage(Packet, bytes).stat?.mode, dir + (1 << 20) + 0o777);
});
