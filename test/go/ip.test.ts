// Go's net.ParseIP and IP.String against ours (src/go/ip.ts), which reads
// the addresses of `add-hosts`, of EXPOSE and of the LLB SDK's extra hosts:
// a few hundred hand-picked forms and tens of thousands generated from
// fragments (IPv4 and IPv6 pieces, zones, leading zeros, stray characters)
// joined by `:`, `::` and `.`, each asked of the oracle's `parse-ip`.
// Needs Go; skipped without it locally, never in CI (CI=true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goAvailable, runOracleLines } from '../oracle/oracle.ts';
import { canonicalIP } from '../../src/go/ip.ts';
import { prng } from '../parser/fuzz-inputs.ts';

const skip = !goAvailable() && process.env.CI !== 'true' ? 'Go is not installed' : false;

const PICKED = [
  '', '::', '::1', '1::', '0.0.0.0', '1.2.3.4', '255.255.255.255', '256.1.1.1', '010.1.1.1', '1.2.3.04', '1.2.3', '1.2.3.4.5',
  '::ffff:1.2.3.4', '::ffff:010.1.1.1', '::1.2.3.4', '1.2.3.4::', '1.2.3.4::ff', '::ffff:1.2.3.4:1',
  '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '1::2::3', ':1::', '1:::2', 'fe80::1%eth0', 'fe80::1%', '%eth0',
  '12345::', 'g::', 'FFFF::aBcD', '0000:0000:0000:0000:0000:0000:0000:0001', '0:0:1:0:0:1:0:0', '1:0:0:2:0:0:0:3',
  ' 1.2.3.4', '1.2.3.4 ', '+1.2.3.4', '0x1.2.3.4', '١.٢.٣.٤', '::ffff:0:0', '::ffff:ffff:ffff', '64:ff9b::1.2.3.4',
];

const FRAGMENTS = ['0', '1', 'ff', 'ffff', '00ff', '12345', 'g', '', '1.2.3.4', '010.1.1.1', '255.255.255.255', '256.1.1.1', '1.2.3', '%eth0', '%', 'FFFF', 'aBc', '0000', '1.2.3.4.5', '01.2.3.4', '0.0.0.0', '1e', ' ', '+1', '-1', '0x1'];

function generated(n: number): string[] {
  const r = prng(20261205);
  const int = (k: number): number => Math.floor(r() * k);
  const octet = (): string => (int(10) === 0 ? '0' : '') + String(int(10) === 0 ? 256 + int(50) : int(256));
  const v4 = (): string => Array.from({ length: int(12) === 0 ? 3 + int(3) : 4 }, octet).join('.');
  const group = (): string => int(1 << (4 * (1 + int(int(15) === 0 ? 5 : 4)))).toString(16)[int(2) === 0 ? 'toUpperCase' : 'toLowerCase']();
  // An IPv6 address: groups, one `::` somewhere (or none), an IPv4 tail, a zone, each now and then.
  const v6 = (): string => {
    const tail = int(4) === 0 ? v4() : undefined;
    const count = int(10) === 0 ? int(10) : (tail === undefined ? 8 : 6) - (int(2) === 0 ? 1 + int(5) : 0);
    const groups = Array.from({ length: Math.max(0, count) }, group);
    if (tail !== undefined) groups.push(tail);
    let s = groups.join(':');
    if (int(2) === 0 || groups.length < (tail === undefined ? 8 : 7)) {
      const at = int(groups.length + 1);
      s = [groups.slice(0, at).join(':'), groups.slice(at).join(':')].join('::');
    }
    if (int(12) === 0) s += ['%eth0', '%', '%25x'][int(3)];
    return s;
  };
  const mutate = (s: string): string => {
    const at = int(s.length + 1);
    switch (int(3)) {
      case 0:
        return s.slice(0, at) + ':.0fg% '[int(7)] + s.slice(at);
      case 1:
        return s.slice(0, at) + s.slice(at + 1);
      default:
        return s.slice(0, at) + s.slice(at, at + 1) + s.slice(at);
    }
  };
  const out = new Set<string>();
  while (out.size < n) {
    if (int(3) === 0) {
      // Fragments joined at random.
      const parts = 1 + int(10);
      let s = '';
      for (let j = 0; j < parts; j++) {
        s += FRAGMENTS[int(FRAGMENTS.length)];
        if (j < parts - 1 || int(4) === 0) s += int(5) > 0 ? ':' : int(2) > 0 ? '::' : '.';
      }
      out.add(s);
      continue;
    }
    const s = int(3) === 0 ? v4() : v6();
    out.add(int(4) === 0 ? mutate(s) : s);
  }
  return [...out];
}

test("canonicalIP reads and prints every address as Go's net.ParseIP and IP.String do", { skip }, () => {
  const inputs = [...PICKED, ...generated(30_000)];
  const answers = runOracleLines('parse-ip', inputs);
  const differing: string[] = [];
  let addresses = 0;
  for (let i = 0; i < inputs.length; i++) {
    const want = JSON.parse(answers[i]!) as string;
    if (want !== '') addresses++;
    const got = canonicalIP(inputs[i]!) ?? '';
    if (got !== want) differing.push(`${JSON.stringify(inputs[i])}: ours ${JSON.stringify(got)}, Go ${JSON.stringify(want)}`);
  }
  console.log(`parse ip: ${inputs.length - differing.length}/${inputs.length} identical (${addresses} addresses Go reads)`);
  assert.deepEqual(differing.slice(0, 20), []);
  // The inputs must hold both kinds, or the comparison proves little.
  assert.ok(addresses > 5000 && inputs.length - addresses > 5000, `${addresses} addresses of ${inputs.length}`);
});
