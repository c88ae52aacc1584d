// Git source references in ADD (upstream's dfgitutil.ParseGitRef): which
// sources are git repositories, and the ref/subdir/options they carry.

import { joinPath } from '../../go/path.ts';
import { parseGitURL as parseRemote, type GitURL } from '../../llb/giturl.ts';
import { goQuote } from '../../go/strconv.ts';
import { parseGoBool } from '../../go/strconv.ts';

export interface GitRef {
  /** The repository URL without query and fragment. */
  remote: string;
  ref: string;
  checksum: string;
  subDir: string;
  /** `github.com/x/y`-style refs, which COPY/ADD treat as local paths. */
  indistinguishableFromLocal: boolean;
  keepGitDir: boolean | undefined;
  submodules: boolean | undefined;
  mtime: string;
  fetchByCommit: boolean;
}

/** The parsed URL, or undefined when `raw` is not a git URL (no exception: this runs for every COPY/ADD source). */
function parseGitURL(raw: string): GitURL | undefined {
  const r = parseRemote(raw);
  return r.ok ? r.url : undefined;
}

function parseFragment(fragment: string): [string, string] {
  if (fragment === '') return ['', ''];
  const i = fragment.indexOf(':');
  const ref = i < 0 ? fragment : fragment.slice(0, i);
  const subdir = joinPath('/', i < 0 ? '' : fragment.slice(i + 1)).replace(/^\//, '');
  return [ref, subdir];
}

function boolQuery(name: string, v: string[]): boolean {
  if (v.length === 0) return true;
  const b = parseGoBool(v[0]);
  if (b === undefined) throw new Error(`invalid ${name} value: ${goQuote(v[0])}`);
  return b;
}

/**
 * Parses a git reference. Returns undefined when `src` is not a git
 * reference; throws when it is one but its options are invalid.
 */
export function parseGitRef(src: string): GitRef | undefined {
  if (src.startsWith('./') || src.startsWith('../')) return undefined;
  let url: GitURL | undefined;
  let indistinguishable = false;
  if (src.startsWith('github.com/')) {
    indistinguishable = true;
    url = parseGitURL('https://' + src);
  } else {
    url = parseGitURL(src);
    if (url !== undefined && (url.scheme === 'http' || url.scheme === 'https') && !url.path.endsWith('.git')) return undefined;
  }
  if (url === undefined) return undefined;
  const [ref, subDir] = parseFragment(url.fragment);
  const res: GitRef = {
    remote: indistinguishable ? url.remote.replace(/^[^:]*:\/\//, '') : url.remote,
    ref,
    checksum: '',
    subDir,
    indistinguishableFromLocal: indistinguishable,
    keepGitDir: undefined,
    submodules: undefined,
    mtime: '',
    fetchByCommit: false,
  };
  if (url.query) loadQuery(res, url.query);
  return res;
}

function loadQuery(gf: GitRef, query: Map<string, string[]>): void {
  let tag = '';
  let branch = '';
  for (const [k, vals] of query) {
    let v = vals;
    if (v.length > 1) throw new Error(`query ${goQuote(k)} has multiple values`);
    if (v.length === 0 || v[0] === '') {
      if (k === 'submodules' || k === 'keep-git-dir' || k === 'fetch-by-commit') v = [];
      else throw new Error(`query ${goQuote(k)} has no value`);
    }
    switch (k) {
      case 'ref':
        if (gf.ref !== '' && gf.ref !== v[0]) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(v[0])}`);
        gf.ref = v[0];
        break;
      case 'tag':
        tag = v[0];
        break;
      case 'branch':
        branch = v[0];
        break;
      case 'subdir':
        if (gf.subDir !== '' && gf.subDir !== v[0]) throw new Error(`subdir conflicts: ${goQuote(gf.subDir)} vs ${goQuote(v[0])}`);
        gf.subDir = v[0];
        break;
      case 'checksum':
      case 'commit':
        gf.checksum = v[0];
        break;
      case 'keep-git-dir':
        gf.keepGitDir = boolQuery('keep-git-dir', v);
        break;
      case 'submodules':
        gf.submodules = boolQuery('submodules', v);
        break;
      case 'mtime':
        if (v[0] !== 'checkout' && v[0] !== 'commit') {
          throw new Error(`invalid mtime value: ${goQuote(v[0])} (must be "checkout" or "commit")`);
        }
        gf.mtime = v[0];
        break;
      case 'fetch-by-commit':
        gf.fetchByCommit = boolQuery('fetch-by-commit', v);
        break;
      default:
        throw new Error(`unexpected query ${goQuote(k)}`);
    }
  }
  if (tag !== '') {
    if (!tag.startsWith('refs/tags/')) tag = 'refs/tags/' + tag;
    if (gf.ref !== '' && gf.ref !== tag) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(tag)}`);
    gf.ref = tag;
  }
  if (branch !== '') {
    if (tag !== '') throw new Error('branch conflicts with tag');
    if (!branch.startsWith('refs/heads/')) branch = 'refs/heads/' + branch;
    if (gf.ref !== '' && gf.ref !== branch) throw new Error(`ref conflicts: ${goQuote(gf.ref)} vs ${goQuote(branch)}`);
    gf.ref = branch;
  }
}

export function isGitSource(src: string): boolean {
  try {
    return parseGitRef(src) !== undefined;
  } catch {
    // Upstream returns no ref (so "not git") when the options are invalid.
    return false;
  }
}

export function isHTTPSource(src: string): boolean {
  if (!src.startsWith('http://') && !src.startsWith('https://')) return false;
  return !isGitSource(src);
}
