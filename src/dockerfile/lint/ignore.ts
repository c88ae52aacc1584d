// .dockerignore matching for CopyIgnoredFile: a path (or one of its parents)
// matched the way moby/patternmatcher's PatternMatcher.MatchesOrParentMatches
// does. The file itself is read by src/dockerui/ignore.ts.

import { cleanPath, dirPath, goFilepathMatch } from '../../go/path.ts';
import { goTrimSpace } from '../../go/strings.ts';
import { compileGoRegexp } from '../../go/regexp.ts';
import { keptBytesAsRuneError } from '../../go/kept-bytes.ts';

/** A pattern's test of one path; throws BadPattern where Go's regexp would not compile it. */
type Matcher = (path: string) => boolean;

/** filepath.ErrBadPattern, which patternmatcher returns for a pattern its regexp cannot compile. */
export class BadPattern extends Error {
  constructor() {
    super('syntax error in pattern');
  }
}

interface IgnorePattern {
  text: string;
  exclusion: boolean;
  match: Matcher;
}

/**
 * The characters patternmatcher escapes. It means `.+()|{}$`, but its
 * bitmap (escapeBytes[b%8] |= 1 << (b/8), a byte) drops every character
 * from 64 on: `|`, `{` and `}` reach the regular expression as they are.
 */
const REGEX_SPECIAL = new Set(['.', '+', '(', ')', '$']);

// patternmatcher's Pattern.compile: exact, prefix (`foo/**`), suffix
// (`**/foo`) or a regular expression, built as Go builds it (what it does
// not rewrite passes through, keeping its meaning to Go's regexp: `[^a]`,
// `[a-z]`, `\d`) and compiled as Go compiles it (go/regexp.ts). A pattern
// Go cannot compile is an error where it is tried (BadPattern).
function compile(pattern: string): Matcher {
  const chars = [...pattern];
  let re = '^';
  let kind: 'exact' | 'prefix' | 'suffix' | 'regexp' = 'exact';
  // Go reads the pattern with text/scanner, which skips a BOM at its start.
  const bom = chars[0] === '\ufeff';
  for (let i = bom ? 1 : 0, n = 0; i < chars.length; n++) {
    const ch = chars[i++]!;
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
        re += '\\' + chars[i++];
        kind = 'regexp';
      } else re += '\\';
    } else if (ch === '[' || ch === ']') {
      re += ch;
      kind = 'regexp';
    } else {
      re += ch;
    }
  }
  // Go reads the pattern with text/scanner, which gives U+FFFD for a byte
  // that is no UTF-8: the expression holds U+FFFD where the pattern has a
  // kept byte (exact, prefix and suffix matches compare the bytes).
  re = keptBytesAsRuneError(re);
  switch (kind) {
    case 'exact':
      return (p) => p === pattern;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      return (p) => p.startsWith(prefix);
    }
    case 'suffix': {
      // cleanedPattern[2:] cuts bytes: after a BOM (3 bytes) its last byte is left, and the "**".
      const suffix = bom ? '\udcbf' + pattern.slice(1) : pattern.slice(2);
      return (p) => p.endsWith(suffix) || (suffix.startsWith('/') && p === suffix.slice(1));
    }
    case 'regexp': {
      const rx = compileGoRegexp(re + '$');
      return (p) => {
        if (rx === undefined) throw new BadPattern();
        return rx.test(p);
      };
    }
  }
}

/** `dir` and the directories above it, from the top (`a`, `a/b`, `a/b/c`), made once for all the patterns tried. */
function dirAndParents(dir: string): string[] {
  const out: string[] = [];
  for (let i = dir.indexOf('/'); i >= 0; i = dir.indexOf('/', i + 1)) out.push(dir.slice(0, i));
  out.push(dir);
  return out;
}

/**
 * Whether the pattern matches one of `dirs` (dirAndParents), tried from the
 * top as patternmatcher does; an error there counts as no match (Go ignores
 * it).
 */
function matchesADir(pattern: IgnorePattern, dirs: readonly string[]): boolean {
  for (const d of dirs) {
    try {
      if (pattern.match(d)) return true;
    } catch {
      // Go ignores a parent's error
    }
  }
  return false;
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
      // patternmatcher.New checks each pattern with filepath.Match(p, "."), whose ErrBadPattern
      // comes only from a class or an escape: a pattern of neither `[` nor `\` needs no check.
      if ((p.includes('[') || p.includes('\\')) && goFilepathMatch(p, '.') === 'bad') throw new BadPattern();
      // Compiled when first tried, as patternmatcher compiles it: a .dockerignore of 100,000 patterns
      // costs nothing more where no COPY source is matched against it (3.5 s compiling them all).
      const entry: IgnorePattern = { text: p, exclusion, match: (path) => (entry.match = compile(entry.text))(path) };
      this.patterns.push(entry);
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
   * parent again. Returns the result and what to pass for the children;
   * throws BadPattern where Go returns its error.
   */
  matchesUsingParentResults(file: string, parent: readonly boolean[] | undefined): { matched: boolean; info: boolean[] } {
    let matched = false;
    const patterns = this.patterns;
    const info = new Array<boolean>(patterns.length).fill(false);
    const dir = dirPath(file);
    const dirs = parent === undefined && dir !== '.' ? dirAndParents(dir) : undefined;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i]!;
      let match = parent !== undefined && parent[i] === true;
      if (!match) {
        if (pattern.exclusion !== matched) continue;
        match = pattern.match(file);
        if (!match && dirs !== undefined) match = matchesADir(pattern, dirs);
      }
      info[i] = match;
      if (match) matched = !pattern.exclusion;
    }
    return { matched, info };
  }

  /** The path, or one of its parent directories, is ignored (and not re-included later); false where Go's answer is an error. */
  matchesOrParentMatches(file: string): boolean {
    return this.check(file).matched;
  }

  /**
   * patternmatcher's MatchesOrParentMatches: the result, or `error` when a
   * pattern it had to try cannot be compiled (Go returns false and the
   * error; a parent directory's error is ignored, as there).
   */
  check(file: string): { matched: boolean; error?: BadPattern } {
    let matched = false;
    const parent = dirPath(file);
    const dirs = parent !== '.' ? dirAndParents(parent) : undefined;
    for (const pattern of this.patterns) {
      if (pattern.exclusion !== matched) continue;
      let match: boolean;
      try {
        match = pattern.match(file);
      } catch (e) {
        if (e instanceof BadPattern) return { matched: false, error: e };
        throw e;
      }
      if (!match && dirs !== undefined) match = matchesADir(pattern, dirs);
      if (match) matched = !pattern.exclusion;
    }
    return { matched };
  }
}
