// The pattern forms of ${}: #, ##, %, %%, / and //, with upstream's choice of
// shortest/longest match and Go regexp's replacement rules.

import { isDigit, isLetter } from './chars.ts';
import { PatternMatcher } from './matcher.ts';
import type { MatchRange } from './matcher.ts';
import { compileShellPattern, PatternError, reversePattern, reverseString } from './pattern.ts';

/** A pattern or substitution failure, with upstream's message. */
export class SubstitutionError extends Error {}

function compile(pattern: string, greedy: boolean): PatternMatcher {
  try {
    return new PatternMatcher(compileShellPattern(pattern, greedy));
  } catch (err) {
    if (err instanceof PatternError) {
      throw new SubstitutionError(`invalid pattern (${pattern}) in substitution: ${err.message}`);
    }
    throw err;
  }
}

/** ${VAR#p} (shortest) and ${VAR##p} (greedy): drop a matching prefix. */
export function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const found = compile(pattern, greedy).find(value, 0, true);
  return found === null ? value : value.slice(found[1]);
}

/**
 * ${VAR%p} and ${VAR%%p}. A leftmost search cannot pick the shortest
 * rightmost match, so, like upstream, both pattern and value are reversed
 * and the prefix is trimmed instead (error texts then show the reversed
 * pattern, as upstream's do).
 */
export function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  return reverseString(trimPrefix(reversePattern(pattern), reverseString(value), greedy));
}

/** ${VAR/p/r} and ${VAR//p/r}; `*` is always greedy here. */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): string {
  const matcher = compile(pattern, true);
  if (!all) {
    // The first match is replaced verbatim.
    const found = matcher.find(value, 0, false);
    if (found === null) return value;
    return value.slice(0, found[0]) + replacement + value.slice(found[1]);
  }
  return replaceAll(matcher, value, replacement);
}

// Regexp.ReplaceAllString: no replacement for an empty match right after the
// previous match, and the search always moves on by at least one rune.
function replaceAll(matcher: PatternMatcher, value: string, template: string): string {
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    const found = matcher.find(value, searchPos, false);
    if (found === null) break;
    out += value.slice(lastMatchEnd, found[0]);
    if (found[1] > lastMatchEnd || found[0] === 0) {
      out += expandTemplate(template, value, found);
    }
    lastMatchEnd = found[1];
    const width = runeWidth(value, searchPos);
    if (searchPos + width > found[1]) {
      searchPos += width;
    } else if (searchPos + 1 > found[1]) {
      searchPos++;
    } else {
      searchPos = found[1];
    }
  }
  return out + value.slice(lastMatchEnd);
}

function runeWidth(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const unit = s.charCodeAt(pos);
  if (unit >= 0xd800 && unit <= 0xdbff && pos + 1 < s.length) {
    const low = s.charCodeAt(pos + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

// Regexp.Expand on the replacement: `$$` is `$`, `$name`/`${name}` is a
// group. The pattern has no groups, so only `$0`/`${0}` (the match) yields
// text; other well-formed names yield nothing; a malformed one keeps its `$`.
function expandTemplate(template: string, value: string, match: MatchRange): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = readGroupName(rest);
    if (ref === null) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref.length);
    if (ref.name === '0') out += value.slice(match[0], match[1]);
  }
  return out + rest;
}

/** A `name` or `{name}` at the start of `s` (Go's regexp extract). */
function readGroupName(s: string): { name: string; length: number } | null {
  const braced = s.startsWith('{');
  const from = braced ? 1 : 0;
  let i = from;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    if (!isLetter(cp) && !isDigit(cp) && cp !== 0x5f) break;
    i += cp > 0xffff ? 2 : 1;
  }
  if (i === from) return null;
  const name = s.slice(from, i);
  if (braced) {
    if (s.charCodeAt(i) !== 0x7d) return null;
    i++;
  }
  return { name, length: i };
}
