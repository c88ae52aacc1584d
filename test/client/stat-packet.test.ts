// The file sync's STAT packets are written field by field (filesync.ts,
// encodePacket); they must be the bytes the generic encoder writes for the
// same packet, whatever the stat holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePacket } from '../../src/client/filesync.ts';
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
