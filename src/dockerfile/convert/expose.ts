// EXPOSE port specs -> `port/proto` entries, with upstream's error texts.

import { canonicalIP } from '../../go/ip.ts';
import { goQuote } from '../../go/strconv.ts';

function parsePortNumber(raw: string): number {
  if (raw === '') throw new Error('value is empty');
  if (!/^[+-]?\d+$/.test(raw)) throw new Error('invalid syntax');
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n > 2 ** 63 - 1 || n < -(2 ** 63)) throw new Error('value out of range');
  if (n < 0 || n > 65535) throw new Error('value out of range (0–65535)');
  return n;
}

function parsePortRange(ports: string): [number, number] {
  if (ports === '') throw new Error('empty string specified for ports');
  const dash = ports.indexOf('-');
  const start = dash < 0 ? ports : ports.slice(0, dash);
  const end = dash < 0 ? '' : ports.slice(dash + 1);
  let s: number;
  try {
    s = parsePortNumber(start);
  } catch (e) {
    throw new Error(`invalid start port '${start}': ${(e as Error).message}`);
  }
  if (dash < 0 || start === end) return [s, s];
  let en: number;
  try {
    en = parsePortNumber(end);
  } catch (e) {
    throw new Error(`invalid end port '${end}': ${(e as Error).message}`);
  }
  if (en < s) throw new Error('invalid port range: ' + ports);
  return [s, en];
}

function splitProtoPort(raw: string): [string, string] {
  const slash = raw.indexOf('/');
  const port = slash < 0 ? raw : raw.slice(0, slash);
  const proto = slash < 0 ? '' : raw.slice(slash + 1);
  if (port === '') throw new Error('no port specified');
  switch (proto.toLowerCase()) {
    case '':
      return ['tcp', port];
    case 'tcp':
    case 'udp':
    case 'sctp':
      return [proto, port];
    default:
      throw new Error('invalid proto: ' + proto);
  }
}

function splitParts(raw: string): [string, string, string] {
  const parts = raw.split(':');
  switch (parts.length) {
    case 1:
      return ['', '', parts[0]];
    case 2:
      return ['', parts[0], parts[1]];
    case 3:
      return [parts[0], parts[1], parts[2]];
    default: {
      const n = parts.length;
      return [parts.slice(0, n - 2).join(':'), parts[n - 2], parts[n - 1]];
    }
  }
}

export interface PortWarning {
  rule: 'ExposeProtoCasing' | 'ExposeInvalidFormat';
  port: string;
}

/** One `[ip:][hostPort:]port[-end][/proto]` spec. */
export function parsePort(raw: string, warnings?: PortWarning[]): string[] {
  let [ip, hostPort, containerPort] = splitParts(raw);
  let proto: string;
  try {
    [proto, containerPort] = splitProtoPort(containerPort);
  } catch (e) {
    throw new Error(`invalid port: ${goQuote(raw)}: ${(e as Error).message}`);
  }
  if (warnings) {
    if (proto !== proto.toLowerCase()) warnings.push({ rule: 'ExposeProtoCasing', port: raw });
    if (ip !== '' || hostPort !== '') warnings.push({ rule: 'ExposeInvalidFormat', port: raw });
  }
  if (ip !== '' && ip[0] === '[') {
    // The brackets stripped as net.SplitHostPort(ip + ":") strips them.
    const host = bracketedHost(ip + ':');
    if (host.error !== undefined) throw new Error(`invalid IP address ${ip}: address ${ip}:: ${host.error}`);
    ip = host.host;
  }
  // net.ParseIP: no IPv6 zone (`%eth0`), no leading zeros in IPv4.
  if (ip !== '' && canonicalIP(ip) === undefined) throw new Error('invalid IP address: ' + ip);
  let start: number;
  let end: number;
  try {
    [start, end] = parsePortRange(containerPort);
  } catch {
    throw new Error('invalid containerPort: ' + containerPort);
  }
  if (hostPort !== '') {
    let hs: number;
    let he: number;
    try {
      [hs, he] = parsePortRange(hostPort);
    } catch {
      throw new Error('invalid hostPort: ' + hostPort);
    }
    if (end - start !== he - hs && end !== start) {
      throw new Error(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const out: string[] = [];
  for (let p = start; p <= end; p++) out.push(`${p}/${proto.toLowerCase()}`);
  return out;
}

/**
 * net.SplitHostPort's host of `hostport`, which starts with `[` and ends with
 * its only port separator (an empty port): the text between the brackets, or
 * the reason Go gives for refusing it.
 */
function bracketedHost(hostport: string): { host: string; error?: undefined } | { host?: undefined; error: string } {
  const i = hostport.length - 1; // the last colon
  const end = hostport.indexOf(']');
  if (end < 0) return { error: "missing ']' in address" };
  // (`]` cannot end it: the colon does.)
  if (end + 1 !== i) return { error: hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address' };
  if (hostport.indexOf('[', 1) >= 0) return { error: "unexpected '[' in address" };
  if (hostport.indexOf(']', end + 1) >= 0) return { error: "unexpected ']' in address" };
  return { host: hostport.slice(1, end) };
}

export function parsePorts(ports: string[], warnings?: PortWarning[]): string[] {
  return ports.flatMap((p) => parsePort(p, warnings));
}
