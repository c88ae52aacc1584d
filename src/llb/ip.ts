// IP addresses printed as Go's net.IP.String() prints them (extra hosts).
import { nodeNet } from '../builtins.ts';
import { LLBError } from './errors.ts';

/** The canonical text of an IPv4 or IPv6 address; IPv4-mapped IPv6 prints as IPv4, as in Go. */
export function canonicalIP(ip: string): string {
  if (nodeNet().isIPv4(ip)) return ip.split('.').map((x) => String(Number(x))).join('.');
  if (!nodeNet().isIPv6(ip)) throw new LLBError('invalid-state', `invalid IP address: ${ip}`);
  const groups = expandIPv6(ip);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  // Compress the first longest run of two or more zero groups.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function expandIPv6(ip: string): number[] {
  let s = ip;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // An embedded IPv4 tail becomes the last two hex groups.
    const b = last.split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, lastColon + 1)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const dbl = s.indexOf('::');
  if (dbl < 0) return parse(s);
  const h = parse(s.slice(0, dbl));
  const r = parse(s.slice(dbl + 2));
  return [...h, ...new Array<number>(8 - h.length - r.length).fill(0), ...r];
}
