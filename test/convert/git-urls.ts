// Generated git URLs for `ADD`, joined from pieces url.Parse reads in
// different ways: schemes, user information, hosts (escapes, IPv6 literals
// and zones, ports), paths (escapes, bytes that are no UTF-8, dot segments),
// queries and fragments (ref and subdir options, malformed escapes), and
// scp-style remotes. Whether upstream takes each for a git source, the
// remote it records, the source's identifier and its errors must be ours:
// `git url convert parity` in parity.test.ts converts every file with both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from '../parser/fuzz-inputs.ts';
import { tempDir } from '../tmp.ts';

const SCHEMES = ['git', 'https', 'http', 'ssh', 'GIT', 'Https', 'file', 'git+ssh'];
const USERS = ['', 'user@', 'user:pw@', 'us%20er@', 'us er@', 'u%zz@', 'git@', 'u:p%40ss@', '%C3%A9@'];
const HOSTS = ['example.com', 'exa%41mple.com', 'ex%C3%A9mple.com', '[::1]', '[fe80::1%25en0]', '[fe80::1%en0]', 'host:22', 'host:99999', 'host:abc', 'host:', 'h_o_st', 'HOST.COM', 'github.com', '[::1]:22', '1.2.3.4', '%zz'];
const PATHS = ['', '/', '/repo.git', '/re%20po.git', '/re%FF.git', '/re%C3%A9po.git', '/%2e%2e/x.git', '/a b.git', '/ü.git', '/x.git', '/a/../b.git', '/x%2Fy.git', '/x.git/', '//x.git', '/x%zz.git', '/~user/x.git'];
const QUERIES = ['', '?ref=main', '?subdir=sub', '?ref=a&ref=b', '?keep-git-dir=true', '?x=%zz', '?branch=b%20c', '?tag=v1&ref=v1', '?ref=a;b', '?x=1;y=2&ref=main'];
const FRAGMENTS = ['', '#main', '#main:sub', '#:sub%20dir', '#%zz', '#v1.0:a/../b', '#ref:/abs'];
const SCP_REMOTES = ['git@github.com:', 'user@host:', 'git@git.example.com:'];
// U+2028 and U+2029: Go's `.` matches them in sshutil's expression, JavaScript's does not.
const SCP_PATHS = ['foo/bar.git', 'f%20oo.git', 'x y.git', 'a/b.git?ref=v', 'a.git#main:sub', 'a.git?ref=v;w', 'a.git?x=%zz#main', 'a\u2028b.git', 'a.git?ref=v\u2029#main'];

export const GIT_URL_COUNT = 400;

/** A new directory holding GIT_URL_COUNT Dockerfiles, each adding one generated git URL. */
export function writeGitUrls(): string {
  const r = prng(20261205);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const dir = tempDir('git-urls-');
  const seen = new Set<string>();
  while (seen.size < GIT_URL_COUNT) {
    const url = r() < 0.1 ? pick(SCP_REMOTES) + pick(SCP_PATHS) : `${pick(SCHEMES)}://${pick(USERS)}${pick(HOSTS)}${pick(PATHS)}${pick(QUERIES)}${pick(FRAGMENTS)}`;
    if (seen.has(url)) continue;
    seen.add(url);
    writeFileSync(join(dir, `url-${String(seen.size).padStart(3, '0')}.Dockerfile`), `FROM alpine:3.19\nADD ${url} /x\n`);
  }
  return dir;
}
