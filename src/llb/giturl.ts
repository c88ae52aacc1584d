// Git remote URLs as BuildKit's gitutil.ParseURL reads them: scheme URLs
// (http, https, ssh, git) and scp-style "user@host:path".

import { goEscapedAuthority, goEscapedPath, goUnescape } from '../go/url.ts';

export interface GitURL {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  /** The URL without query and fragment. */
  readonly remote: string;
}

export type GitURLResult = { ok: true; url: GitURL } | { ok: false; reason: 'unknown-protocol' | 'invalid-protocol' | 'invalid-url' };

const SUPPORTED = new Set(['http', 'https', 'ssh', 'git']);
const PROTO = /^[a-zA-Z0-9]+:\/\//;
const SCP = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$/;

export function parseGitURL(remote: string): GitURLResult {
  const proto = PROTO.exec(remote);
  if (proto) {
    const scheme = proto[0].slice(0, -3).toLowerCase();
    if (!SUPPORTED.has(scheme)) return { ok: false, reason: 'invalid-protocol' };
    let rest = remote.slice(proto[0].length);
    const hash = rest.indexOf('#');
    if (hash >= 0) rest = rest.slice(0, hash);
    const q = rest.indexOf('?');
    if (q >= 0) rest = rest.slice(0, q);
    const slash = rest.indexOf('/');
    const authority = slash >= 0 ? rest.slice(0, slash) : rest;
    const path = slash >= 0 ? rest.slice(slash) : '';
    const at = authority.lastIndexOf('@');
    // url.Parse decodes a host's %-escapes (the converter writes non-ASCII that way).
    const rawHost = at >= 0 ? authority.slice(at + 1) : authority;
    const host = goUnescape(rawHost, true) ?? rawHost;
    // Go's url.String() writes the scheme in lower case and the path escaped.
    return { ok: true, url: { scheme, host, path: decodePath(path), remote: `${scheme}://${goEscapedAuthority(authority)}${goEscapedPath(path)}` } };
  }
  const m = SCP.exec(remote);
  if (m) {
    const [, user, host, path] = m as unknown as [string, string, string, string];
    return { ok: true, url: { scheme: 'ssh', host, path, remote: `${user}@${host}:${path}` } };
  }
  return { ok: false, reason: 'unknown-protocol' };
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
