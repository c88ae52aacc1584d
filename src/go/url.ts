// The path of an http(s) URL as Go's url.Parse gives it (URL.Path, escapes
// decoded), or undefined where url.Parse fails: a control character, a bad
// %-escape, a character a host may not hold, a port that is not digits, an
// IP literal that is no IPv6 address, a second colon in an http(s) host (Go
// 1.26, the toolchain the reference is built with here), bad userinfo.
// ADD's file name for a URL and SOURCE_DATE_EPOCH's read it this way
// upstream; WHATWG's URL parser differs (it normalizes dot segments, refuses
// other hosts).

import { keptBytesString } from './kept-bytes.ts';
import { nodeNet } from '../builtins.ts';

const HOST_PUNCTUATION = new Set("-._~!$&'()*+,;=:[]<>\"");

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** Go's unescape: %XX decoded (as bytes, read back as UTF-8); undefined for a malformed escape. */
export function goUnescape(s: string, host = false): string | undefined {
  if (!s.includes('%')) return s;
  const bytes: number[] = [];
  const buf = Buffer.from(s, 'utf8');
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== 0x25) {
      bytes.push(buf[i]);
      continue;
    }
    const a = String.fromCharCode(buf[i + 1] ?? 0);
    const b = String.fromCharCode(buf[i + 2] ?? 0);
    if (i + 2 >= buf.length || !isHex(a) || !isHex(b)) return undefined;
    // In a host, %-escapes are only for non-ASCII bytes (and %25).
    if (host && parseInt(a, 16) < 8 && a + b !== '25') return undefined;
    bytes.push(parseInt(a + b, 16));
    i += 2;
  }
  // Bytes that are no UTF-8 stay bytes, as in Go's string (an ADD file name
  // holding them cannot be marshalled, as upstream's cannot).
  return keptBytesString(Uint8Array.from(bytes));
}

/** The characters url's unescape takes in a host (and a zone) as they are: ASCII ones it would not escape there. */
function hostChar(c: number): boolean {
  return c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || HOST_PUNCTUATION.has(String.fromCharCode(c));
}

/** url's unescape of a host, or of an IPv6 zone (`zone`): undefined where url.Parse fails. */
function unescapeHost(s: string, zone = false): string | undefined {
  for (const ch of s) if (ch !== '%' && !hostChar(ch.codePointAt(0)!)) return undefined;
  if (zone) {
    // A zone may %-escape what a host holds as it is, a space, and %25.
    for (let i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      if (!(s.slice(i, i + 3) === '%25' || v === 0x20 || (v < 0x80 && hostChar(v)))) return undefined;
    }
    return goUnescape(s);
  }
  return goUnescape(s, true);
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

/**
 * Whether url.Parse (Go 1.26's parseHost) takes the host of an authority:
 * an IP literal in brackets must be an IPv6 address (a zone after %25
 * allowed), a port only digits; an http(s) host has at most one colon.
 */
function validHost(scheme: string, host: string): boolean {
  const open = host.lastIndexOf('[');
  if (open > 0) return false;
  if (open === 0) {
    const close = host.lastIndexOf(']');
    if (close < 0 || !validOptionalPort(host.slice(close + 1))) return false;
    const name = host.slice(1, close);
    const zone = name.indexOf('%25');
    const h = unescapeHost(zone < 0 ? name : name.slice(0, zone));
    const z = zone < 0 ? '' : unescapeHost(name.slice(zone), true);
    if (h === undefined || z === undefined) return false;
    return ipv6Literal(h + z);
  }
  let colon = host.indexOf(':');
  if (colon >= 0) {
    // Go 1.26 keeps an http(s) host to one colon (urlstrictcolons); other schemes take the last.
    if (scheme !== 'http' && scheme !== 'https') colon = host.lastIndexOf(':');
    if (!validOptionalPort(host.slice(colon))) return false;
  }
  return unescapeHost(host) !== undefined;
}

/** What netip.ParseAddr takes and is not IPv4: an IPv6 address, maybe IPv4-mapped, with a non-empty zone after %. */
function ipv6Literal(s: string): boolean {
  const pct = s.indexOf('%');
  if (pct === 0 || pct === s.length - 1) return false;
  return nodeNet().isIPv6(pct < 0 ? s : s.slice(0, pct));
}

/** url.Parse's validUserinfo: the characters userinfo may hold. */
function validUserinfo(s: string): boolean {
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(s);
}

/** What url.Parse makes of an absolute URL (the parts this project reads). */
export interface GoURL {
  /** Lower-cased. */
  readonly scheme: string;
  /** The authority as written (user information and host), when the URL has `//`. */
  readonly authority?: string;
  /** URL.Host: the host and port, %-escapes decoded. */
  readonly host: string;
  /** The path as written, and URL.Path (decoded; bytes that are no UTF-8 kept). */
  readonly rawPath: string;
  readonly path: string;
  readonly rawQuery: string;
  /** URL.Fragment, decoded. */
  readonly fragment: string;
}

/**
 * url.Parse of a URL with a scheme: its parts, or undefined where url.Parse
 * fails (a control character, a malformed %-escape in the path or
 * fragment, a host or user information it refuses).
 */
export function goParseURL(raw: string): GoURL | undefined {
  if (/[\u0000-\u001f\u007f]/.test(raw)) return undefined;
  const hash = raw.indexOf('#');
  let rest = hash < 0 ? raw : raw.slice(0, hash);
  const fragment = hash < 0 ? '' : goUnescape(raw.slice(hash + 1));
  if (fragment === undefined) return undefined;
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(rest);
  if (m === null) return undefined;
  const scheme = m[0].slice(0, -1).toLowerCase();
  rest = rest.slice(m[0].length);
  const q = rest.indexOf('?');
  const rawQuery = q < 0 ? '' : rest.slice(q + 1);
  if (q >= 0) rest = rest.slice(0, q);
  let authority: string | undefined;
  let host = '';
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    const at = authority.lastIndexOf('@');
    const rawHost = at < 0 ? authority : authority.slice(at + 1);
    if (!validHost(scheme, rawHost)) return undefined;
    if (at >= 0) {
      // The userinfo: its characters, and each of user and password a valid %-encoding.
      const userinfo = authority.slice(0, at);
      const colon = userinfo.indexOf(':');
      const parts = colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
      if (!validUserinfo(userinfo) || parts.some((part) => goUnescape(part) === undefined)) return undefined;
    }
    host = goUnescape(rawHost, true) ?? rawHost;
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  const path = goUnescape(rest);
  if (path === undefined) return undefined;
  return { scheme, authority, host, rawPath: rest, path, rawQuery, fragment };
}

/** URL.Path of an http(s) URL as url.Parse gives it; undefined when url.Parse fails. */
export function goURLPath(raw: string): string | undefined {
  return goParseURL(raw)?.path;
}

/** url's shouldEscape for a path (encodePath): all but unreserved characters and the reserved ones a path keeps. */
function pathNeedsEscape(c: number): boolean {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return false;
  return !'-_.~$&+,/:;=@'.includes(String.fromCharCode(c));
}

/**
 * URL.EscapedPath for a path as written: kept when it is a valid encoding,
 * else its decoded bytes escaped (%XX, upper case) where a path needs it.
 */
export function goEscapedPath(raw: string): string {
  const bytes = Buffer.from(raw, 'utf8');
  let valid = goUnescape(raw) !== undefined;
  for (const b of bytes) {
    if (!valid) break;
    if (b !== 0x25 && !"!$&'()*+,;=:@[]".includes(String.fromCharCode(b)) && pathNeedsEscape(b)) valid = false;
  }
  if (valid) return raw;
  const decoded = Buffer.from(goUnescape(raw) ?? raw, 'utf8');
  let out = '';
  for (const b of decoded) out += pathNeedsEscape(b) ? '%' + b.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(b);
  return out;
}

/** url's escape of a host (encodeHost): bytes outside letters, digits and the host's punctuation as %XX. */
export function goEscapedHost(host: string): string {
  let out = '';
  for (const b of Buffer.from(host, 'utf8')) {
    out += b < 0x80 && hostChar(b) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** The authority as url.String writes it: the host escaped (user information kept as written). */
export function goEscapedAuthority(authority: string): string {
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1);
  // url.Parse decodes the host's escapes; String escapes it again.
  return authority.slice(0, at + 1) + goEscapedHost(goUnescape(host, true) ?? host);
}

/**
 * url.ParseQuery: the values of each key in order of appearance, and
 * whether ParseQuery returned an error. A pair holding a `;` or a malformed
 * %-escape is skipped (the error is the first such); `+` is a space.
 */
export function goParseQuery(raw: string): { values: Map<string, string[]>; failed: boolean } {
  const values = new Map<string, string[]>();
  let failed = false;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) {
      failed = true;
      continue;
    }
    const eq = part.indexOf('=');
    const k = goUnescape((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const v = eq < 0 ? '' : goUnescape(part.slice(eq + 1).replace(/\+/g, ' '));
    if (k === undefined || v === undefined) {
      failed = true;
      continue;
    }
    const list = values.get(k) ?? [];
    list.push(v);
    values.set(k, list);
  }
  return { values, failed };
}
