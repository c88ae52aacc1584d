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
const SCP = /^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$/;

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
    // Go's url.String() writes the scheme in lower case and the path escaped.
    const url = { scheme, host: u.host, path: u.path, query: values.size > 0 ? values : undefined, fragment: u.fragment, remote: `${scheme}://${goEscapedAuthority(u.authority ?? '')}${goEscapedPath(u.rawPath)}` };
    return { ok: true, url };
  }
  const m = SCP.exec(remote);
  if (m) {
    const [, user, host, path, query, fragment] = m as unknown as [string, string, string, string, string | undefined, string | undefined];
    // sshutil.ParseSCPStyleURL fails where url.ParseQuery does.
    const q = goParseQuery(query ?? '');
    if (q.failed) return { ok: false, reason: 'invalid-url' };
    return { ok: true, url: { scheme: 'ssh', host, path, query: q.values.size > 0 ? q.values : undefined, fragment: fragment ?? '', remote: `${user}@${host}:${path}` } };
  }
  return { ok: false, reason: 'unknown-protocol' };
}
