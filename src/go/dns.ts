// Which DNS server Go's own resolver (the one buildctl uses on Linux) names
// in a lookup's error: `dial tcp: lookup NAME on SERVER: no such host`.
import { readFileSync } from 'node:fs';
import { isNetipAddr } from './ip.ts';

/**
 * The server of a name the resolver found nowhere: the first `nameserver` of
 * resolv.conf's text whose address netip.ParseAddr reads, as host:53
 * (IPv6 bracketed), as Go's dnsReadConfig lists them (comment lines start
 * with `#` or `;`; fields are split at spaces, tabs and carriage returns).
 * The server that answers "no such host" ends the lookup, so it is the first
 * one. Without any, Go asks its default, 127.0.0.1:53 first.
 */
export function goNameserver(resolvConf: string | undefined): string {
  for (const line of (resolvConf ?? '').split('\n')) {
    if (line.startsWith('#') || line.startsWith(';')) continue;
    const f = line.split(/[ \t\r]+/).filter((x) => x !== '');
    if (f[0] !== 'nameserver' || f.length < 2 || !isNetipAddr(f[1]!)) continue;
    return f[1]!.includes(':') ? `[${f[1]}]:53` : `${f[1]}:53`;
  }
  return '127.0.0.1:53';
}

/**
 * Go's isDomainName: whether its resolver asks a DNS server for `s` at all
 * (a name it refuses, such as 256.1.1.1, all digits, is "no such host"
 * with no server named). Labels of letters, digits, `_` and `-` (not
 * after a dot, not last), 1 to 63 bytes, 253 bytes in all (254 ending in a
 * dot), and at least one letter, `_` or `-` somewhere; `.` alone is the root.
 */
export function isDomainName(s: string): boolean {
  if (s === '.') return true;
  const l = Buffer.byteLength(s);
  if (l === 0 || l > 254 || (l === 254 && !s.endsWith('.'))) return false;
  let last = '.';
  let nonNumeric = false;
  let partlen = 0;
  for (const c of s) {
    if (/[a-zA-Z_]/.test(c)) {
      nonNumeric = true;
      partlen++;
    } else if (/[0-9]/.test(c)) {
      partlen++;
    } else if (c === '-') {
      if (last === '.') return false;
      partlen++;
      nonNumeric = true;
    } else if (c === '.') {
      if (last === '.' || last === '-' || partlen > 63 || partlen === 0) return false;
      partlen = 0;
    } else {
      return false;
    }
    last = c;
  }
  return last !== '-' && partlen <= 63 && nonNumeric;
}

/** goNameserver of this machine's /etc/resolv.conf. */
export function systemNameserver(): string {
  let text: string | undefined;
  try {
    text = readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    text = undefined;
  }
  return goNameserver(text);
}
