// Git remote URLs as BuildKit's gitutil.ParseURL reads them: scheme URLs
// (http, https, ssh, git) and scp-style "user@host:path". The LLB SDK's
// git() and the Dockerfile's git sources (dockerfile/convert/gitref.ts)
// both read them here.

import { goEscapedAuthority, goEscapedPath, goParseQuery, goParseURL } from '../go/url.ts';

export interface GitURL {
  readonly scheme: string;
  readonly host: string;
  /** URL.Path (decoded; for an scp-style remote, as written). */
  readonly path: string;
  /** url.Values: nil (undefined) when there are none. */
  readonly query: Map<string, string[]> | undefined;
  /** URL.Fragment, decoded (scp-style: as written). */
  readonly fragment: string;
  /** The URL without query and fragment. */
  readonly remote: string;
}

export type GitURLResult = { ok: true; url: GitURL } | { ok: false; reason: 'unknown-protocol' | 'invalid-protocol' | 'invalid-url' };

const SUPPORTED = new Set(['http', 'https', 'ssh', 'git']);
const PROTO = /^[a-zA-Z0-9]+:\/\//;
const SCP_USER = /^[a-zA-Z0-9_-]+@/;
const SCP_HOST = /[a-zA-Z0-9.-]+:/y;

/**
 * sshutil's `^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$`
 * as Go's regexp matches it (`.` is anything but "\n"; a JavaScript `.`
 * also stops at "\r", U+2028 and U+2029), in one pass (a backtracking
 * engine took 34 s over 3,000 `?` and `#` and a character `.` does not
 * match): [user, host, path, query, fragment], query and fragment
 * undefined when absent. The path runs to the first `?` or `#`, the query
 * to the first `#` after it.
 */
export function matchSCPStyle(s: string): [string, string, string, string | undefined, string | undefined] | undefined {
  const user = SCP_USER.exec(s);
  if (user === null) return undefined;
  SCP_HOST.lastIndex = user[0].length;
  const host = SCP_HOST.exec(s);
  if (host === null) return undefined;
  const rest = s.slice(SCP_HOST.lastIndex);
  if (rest.includes('\n')) return undefined;
  const q = rest.indexOf('?');
  const h = rest.indexOf('#');
  const pathEnd = q >= 0 && (h < 0 || q < h) ? q : h >= 0 ? h : rest.length;
  const path = rest.slice(0, pathEnd);
  const u = user[0].slice(0, -1);
  const hostName = host[0].slice(0, -1);
  if (pathEnd === rest.length) return [u, hostName, path, undefined, undefined];
  if (rest[pathEnd] === '#') return [u, hostName, path, undefined, rest.slice(pathEnd + 1)];
  const frag = rest.indexOf('#', pathEnd + 1);
  return frag < 0 ? [u, hostName, path, rest.slice(pathEnd + 1), undefined] : [u, hostName, path, rest.slice(pathEnd + 1, frag), rest.slice(frag + 1)];
}

export function parseGitURL(remote: string): GitURLResult {
  const proto = PROTO.exec(remote);
  if (proto) {
    const scheme = proto[0].slice(0, -3).toLowerCase();
    if (!SUPPORTED.has(scheme)) return { ok: false, reason: 'invalid-protocol' };
    // url.Parse, which fails on a host, path or fragment it cannot read.
    const u = goParseURL(remote);
    if (u === undefined) return { ok: false, reason: 'invalid-url' };
    // url.Query() ignores ParseQuery's error (the pairs it could not read are left out).
    const { values } = goParseQuery(u.rawQuery);
    // Go's url.String() writes the scheme in lower case and the path escaped, and no `//`
    // when there is no user, host or path (`git://` is `git:`).
    const authority = goEscapedAuthority(u.authority ?? '');
    const path = goEscapedPath(u.rawPath);
    const written = authority === '' && path === '' ? `${scheme}:` : `${scheme}://${authority}${path}`;
    const url = { scheme, host: u.host, path: u.path, query: values.size > 0 ? values : undefined, fragment: u.fragment, remote: written };
    return { ok: true, url };
  }
  const m = matchSCPStyle(remote);
  if (m) {
    const [user, host, path, query, fragment] = m;
    // sshutil.ParseSCPStyleURL fails where url.ParseQuery does.
    const q = goParseQuery(query ?? '');
    if (q.failed) return { ok: false, reason: 'invalid-url' };
    return { ok: true, url: { scheme: 'ssh', host, path, query: q.values.size > 0 ? q.values : undefined, fragment: fragment ?? '', remote: `${user}@${host}:${path}` } };
  }
  return { ok: false, reason: 'unknown-protocol' };
}
