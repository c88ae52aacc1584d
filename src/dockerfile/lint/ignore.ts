// .dockerignore matching for CopyIgnoredFile: a path (or one of its parents)
// matched the way moby/patternmatcher's PatternMatcher.MatchesOrParentMatches
// does. The file itself is read by src/dockerui/ignore.ts.

import { cleanPath } from '../../go/path.ts';
import { goTrimSpace } from '../../go/strings.ts';

type Matcher = (path: string) => boolean;

interface IgnorePattern {
  text: string;
  exclusion: boolean;
  match: Matcher;
}

const REGEX_SPECIAL = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

function escapeForRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

// patternmatcher's Pattern.compile: exact, prefix (`foo/**`), suffix
// (`**/foo`) or a regular expression.
function compile(pattern: string): Matcher {
  const chars = [...pattern];
  let re = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  for (let i = 0, n = 0; i < chars.length; n++) {
    const ch = chars[i++];
    if (ch === '*') {
      if (chars[i] === '*') {
        i++;
        if (chars[i] === '/') i++;
        if (i >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else {
            re += '.*';
            kind = 'regexp';
          }
        } else {
          re += '(.*/)?';
          kind = 'regexp';
        }
        if (n === 0) kind = 'suffix';
      } else {
        re += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      re += '[^/]';
      kind = 'regexp';
    } else if (REGEX_SPECIAL.has(ch)) {
      re += '\\' + ch;
    } else if (ch === '\\') {
      if (i < chars.length) {
        re += escapeForRegex(chars[i++]);
        kind = 'regexp';
      } else re += '\\\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += escapeForRegex(ch);
    }
  }
  switch (kind) {
    case 'exact':
      return (p) => p === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (p) => p.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      return (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1));
    }
    case 'regexp': {
      let rx: RegExp | undefined;
      try {
        rx = new RegExp(re + '$', 'su');
      } catch {
        rx = undefined;
      }
      return (p) => (rx === undefined ? false : rx.test(p));
    }
  }
}

export class IgnoreMatcher {
  private readonly patterns: IgnorePattern[] = [];
  /** True when any pattern is a `!` exclusion. */
  readonly exclusions: boolean;

  constructor(patterns: readonly string[]) {
    let exclusions = false;
    for (const raw of patterns) {
      let p = goTrimSpace(raw);
      if (p === '') continue;
      p = cleanPath(p);
      let exclusion = false;
      if (p.startsWith('!')) {
        if (p.length === 1) throw new Error('illegal exclusion pattern: "!"');
        exclusion = true;
        exclusions = true;
        p = p.slice(1);
      }
      this.patterns.push({ text: p, exclusion, match: compile(p) });
    }
    this.exclusions = exclusions;
  }

  /** Whether any non-exclusion pattern is one that ignores every root entry. */
  ignoresContextRoot(): boolean {
    return this.patterns.some((p) => !p.exclusion && (p.text === '*' || p.text === '**' || p.text === '**/*'));
  }

  /** The patterns in order, each as patternmatcher's Pattern.String() and Exclusion() give it. */
  patternList(): { text: string; exclusion: boolean }[] {
    return this.patterns.map((p) => ({ text: p.text, exclusion: p.exclusion }));
  }

  /**
   * patternmatcher's MatchesUsingParentResults: as matchesOrParentMatches,
   * but taking which patterns the parent directory matched (`parent`, from
   * the parent's own call; undefined at the top) instead of matching every
   * parent again. Returns the result and what to pass for the children.
   */
  matchesUsingParentResults(file: string, parent: readonly boolean[] | undefined): { matched: boolean; info: boolean[] } {
    let matched = false;
    const info = new Array<boolean>(this.patterns.length).fill(false);
    const slash = file.lastIndexOf('/');
    this.patterns.forEach((pattern, i) => {
      let match = parent !== undefined && parent[i] === true;
      if (!match) {
        if (pattern.exclusion !== matched) return;
        match = pattern.match(file);
        if (!match && parent === undefined && slash > 0) {
          const dirs = file.slice(0, slash).split('/');
          for (let j = 0; j < dirs.length && !match; j++) match = pattern.match(dirs.slice(0, j + 1).join('/'));
        }
      }
      info[i] = match;
      if (match) matched = !pattern.exclusion;
    });
    return { matched, info };
  }

  /** The path, or one of its parent directories, is ignored (and not re-included later). */
  matchesOrParentMatches(file: string): boolean {
    let matched = false;
    const slash = file.lastIndexOf('/');
    const parent = slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash);
    const parentDirs = parent.split('/');
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      let match = pattern.match(file);
      if (!match && parent !== '.') {
        for (let i = 0; i < parentDirs.length && !match; i++) match = pattern.match(parentDirs.slice(0, i + 1).join('/'));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }
}
