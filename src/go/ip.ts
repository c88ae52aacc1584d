// IP addresses as Go's net package reads and prints them.

/** IPv4 dotted decimal as Go's netip parses it (no leading zeros, four fields). */
function parseIPv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** An IPv6 address (optionally ending in dotted IPv4) as 16 bytes; zones are refused, as net.ParseIP does. */
function parseIPv6Bytes(s: string): number[] | undefined {
  if (s.includes('%')) return undefined;
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return undefined;
  // An IPv4 tail is allowed only as the address's last field (never before `::`).
  const groups = (part: string, last: boolean): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const fields = part.split(':');
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (last && i === fields.length - 1 && f.includes('.')) {
        const v4 = parseIPv4Bytes(f);
        if (v4 === undefined) return undefined;
        out.push(v4[0], v4[1], v4[2], v4[3]);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(f)) return undefined;
      const n = parseInt(f, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  if (dbl < 0) {
    const b = groups(s, true);
    return b !== undefined && b.length === 16 ? b : undefined;
  }
  const head = groups(s.slice(0, dbl), false);
  const tail = groups(s.slice(dbl + 2), true);
  if (head === undefined || tail === undefined) return undefined;
  // `::` stands for at least one zero group.
  if (head.length + tail.length > 14) return undefined;
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/**
 * net.ParseIP followed by IP.String: the canonical text (an IPv4-mapped IPv6
 * address printed as IPv4, the first longest run of zero groups as `::`), or
 * undefined when `s` is not an IP address as Go reads one (leading zeros in
 * IPv4 and IPv6 zones are refused). dockerui's `add-hosts` values and the
 * LLB SDK's extra hosts (src/llb/ip.ts) both go through it.
 */
export function canonicalIP(s: string): string | undefined {
  const v4 = parseIPv4Bytes(s);
  if (v4 !== undefined) return v4.join('.');
  const b = parseIPv6Bytes(s);
  if (b === undefined) return undefined;
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return b.slice(12).join('.');
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i] << 8) | b[i + 1]);
  // The first longest run of two or more zero groups becomes `::`.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (xs: number[]): string => xs.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return hex(g.slice(0, best)) + '::' + hex(g.slice(best + bestLen));
}

/** Whether netip.ParseAddr reads `s`: IPv4 as above, or IPv6 with an optional, non-empty zone after `%`. */
export function isNetipAddr(s: string): boolean {
  if (parseIPv4Bytes(s) !== undefined) return true;
  const zone = s.indexOf('%');
  if (zone === 0 || zone === s.length - 1) return false;
  return parseIPv6Bytes(zone < 0 ? s : s.slice(0, zone)) !== undefined;
}
