// IP addresses printed as Go's net.IP.String() prints them (extra hosts).
import { canonicalIP as goCanonicalIP } from '../go/ip.ts';
import { LLBError } from './errors.ts';

/**
 * The canonical text of an IPv4 or IPv6 address, as Go's net.ParseIP reads
 * it and IP.String prints it (IPv4-mapped IPv6 prints as IPv4); an error for
 * anything Go would not read as an address (such as an IPv6 zone).
 */
export function canonicalIP(ip: string): string {
  const text = goCanonicalIP(ip);
  if (text === undefined) throw new LLBError('invalid-state', `invalid IP address: ${ip}`);
  return text;
}
