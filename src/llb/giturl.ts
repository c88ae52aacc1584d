// Git remote URLs as BuildKit's gitutil.ParseURL reads them: scheme URLs
// (http, https, ssh, git) and scp-style "user@host:path".

import { goEscapedAuthority, goEscapedPath, goParseQuery, goParseURL } from '../go/url.ts';

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
    // url.Parse, which fails on a host, path or fragment it cannot read.
    const u = goParseURL(remote);
    if (u === undefined) return { ok: false, reason: 'invalid-url' };
    // Go's url.String() writes the scheme in lower case and the path escaped.
    return { ok: true, url: { scheme, host: u.host, path: u.path, remote: `${scheme}://${goEscapedAuthority(u.authority ?? '')}${goEscapedPath(u.rawPath)}` } };
  }
  const m = SCP.exec(remote);
  if (m) {
    const [, user, host, path, query] = m as unknown as [string, string, string, string, string | undefined];
    // sshutil.ParseSCPStyleURL fails where url.ParseQuery does.
    if (goParseQuery(query ?? '').failed) return { ok: false, reason: 'invalid-url' };
    return { ok: true, url: { scheme: 'ssh', host, path, remote: `${user}@${host}:${path}` } };
  }
  return { ok: false, reason: 'unknown-protocol' };
}

