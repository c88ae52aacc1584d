// Go's regexp.Compile (RE2 syntax, Perl flags: `.` does not match a newline,
// ^ and $ only at the ends) for the expressions moby/patternmatcher builds
// from .dockerignore patterns, translated into a JavaScript RegExp with the
// same matches. What a pattern passes through as it is must keep Go's
// meaning: `[^a]` and `[a-z]` are classes, `[[:alpha:]]` a POSIX class,
// `\d` ASCII digits and `\s` [\t\n\f\r ] (not JavaScript's Unicode sets),
// `\a` a bell; what Go refuses (`\é`, `[z-a]`, an unclosed class, a lone
// backreference) is undefined. Groups are only patternmatcher's own `(...)`;
// `|` and `{n,m}` can come from a pattern (patternmatcher's escaping misses
// them, its bitmap holds only characters below 64).

import { hasKeptBytes } from './kept-bytes.ts';
import { LinearRegexp, Unsupported } from './regexp-match.ts';

const MAX_RUNE = 0x10ffff;

type Ranges = [number, number][];

const POSIX: Record<string, Ranges> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0x5f, 0x5f]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};

/** Perl classes: \d, \s, \w (ASCII), upper case negated. */
const PERL: Record<string, Ranges> = {
  d: [[0x30, 0x39]],
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
};

/** Single-character escapes. */
const CONTROL: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

function complement(r: Ranges): Ranges {
  const sorted = [...r].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

const cp = (c: number): string => `\\u{${c.toString(16)}}`;
const classOf = (r: Ranges): string => r.map(([lo, hi]) => (lo === hi ? cp(lo) : `${cp(lo)}-${cp(hi)}`)).join('');

/** A Unicode class name of \p as JavaScript writes it; undefined for a name Go does not know. */
function unicodeClass(name: string): string | undefined {
  if (name === 'Any') return 'Any';
  // General categories (L, Lu, Nd, ...), else a script (Greek, Latin, ...).
  if (/^[A-Z][a-z]?$/.test(name)) return `General_Category=${name}`;
  if (/^[A-Z][A-Za-z_]*$/.test(name)) return `Script=${name}`;
  return undefined;
}

class Parser {
  private i = 0;
  private readonly s: string[];
  constructor(src: string) {
    this.s = [...src];
  }

  private peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }

  /** Where the first ":]" at or after `from` starts (-1: none), -2 before the first look. */
  private colonBracket = -2;

  /**
   * The first ":]" at or after `from`. Go looks for it afresh at each `[:` of
   * a class (strings.Index); the cursor only moves on, so the one found last
   * is the answer until the cursor passes it, and the scan is linear in all.
   */
  private nextColonBracket(from: number): number {
    if (this.colonBracket === -1 || this.colonBracket >= from) return this.colonBracket;
    let j = from;
    while (j + 1 < this.s.length && !(this.s[j] === ':' && this.s[j + 1] === ']')) j++;
    this.colonBracket = j + 1 < this.s.length ? j : -1;
    return this.colonBracket;
  }

  /**
   * An escape after its backslash: the rune it stands for, or a class (a
   * JavaScript class body, negated or not, or a \p item); undefined when Go
   * refuses it.
   */
  private escape(inClass: boolean): { rune: number } | { ranges: Ranges } | { prop: string } | { anchor: string } | undefined {
    const c = this.s[this.i++];
    if (c === undefined) return undefined;
    const code = c.codePointAt(0)!;
    if (code < 0x80 && !/[0-9A-Za-z]/.test(c)) return { rune: code };
    if (c in CONTROL) return { rune: CONTROL[c]! };
    const lower = c.toLowerCase();
    if (lower in PERL && (c === lower || c === c.toUpperCase())) {
      const r = PERL[lower]!;
      return { ranges: c === lower ? r : complement(r) };
    }
    if (c >= '0' && c <= '7') {
      // A lone non-zero digit would be a backreference, which Go refuses.
      if (c !== '0' && !(this.peek() !== undefined && this.peek()! >= '0' && this.peek()! <= '7')) return undefined;
      let v = code - 0x30;
      for (let k = 0; k < 2 && this.peek() !== undefined && this.peek()! >= '0' && this.peek()! <= '7'; k++) v = v * 8 + (this.s[this.i++]!.codePointAt(0)! - 0x30);
      return { rune: v };
    }
    if (c === 'x') {
      if (this.peek() === '{') {
        this.i++;
        let hex = '';
        while (this.peek() !== undefined && this.peek() !== '}') hex += this.s[this.i++];
        if (this.s[this.i++] !== '}' || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
        const v = parseInt(hex, 16);
        return v > MAX_RUNE ? undefined : { rune: v };
      }
      const hex = (this.s[this.i] ?? '') + (this.s[this.i + 1] ?? '');
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      this.i += 2;
      return { rune: parseInt(hex, 16) };
    }
    if (c === 'p' || c === 'P') {
      let name: string;
      if (this.peek() === '{') {
        this.i++;
        name = '';
        while (this.peek() !== undefined && this.peek() !== '}') name += this.s[this.i++];
        if (this.s[this.i++] !== '}') return undefined;
      } else {
        const n = this.s[this.i++];
        if (n === undefined) return undefined;
        name = n;
      }
      let negate = c === 'P';
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
      const js = unicodeClass(name);
      if (js === undefined) return undefined;
      return { prop: `\\${negate ? 'P' : 'p'}{${js}}` };
    }
    if (!inClass && (c === 'b' || c === 'B')) return { anchor: `\\${c}` };
    if (!inClass && c === 'A') return { anchor: '^' };
    if (!inClass && c === 'z') return { anchor: '$' };
    return undefined;
  }

  /** A class after its `[`; the JavaScript class, or undefined when Go refuses it. */
  private charClass(): string | undefined {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.i++;
    }
    const ranges: Ranges = [];
    const props: string[] = [];
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) return undefined; // missing closing ]
      if (c === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === '[' && this.peek(1) === ':') {
        // As Go: the name runs to the next ":]"; one Go does not know is an error.
        const end = this.nextColonBracket(this.i + 2);
        if (end >= 0) {
          let name = this.s.slice(this.i + 2, end).join('');
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          const r = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined;
          if (r === undefined) return undefined;
          ranges.push(...(neg ? complement(r) : r));
          this.i = end + 2;
          continue;
        }
      }
      const lo = this.classAtom();
      if (lo === undefined) return undefined;
      if (typeof lo !== 'number') {
        if ('ranges' in lo) ranges.push(...lo.ranges);
        else props.push(lo.prop);
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== undefined && this.peek(1) !== ']') {
        this.i++;
        const hi = this.classAtom();
        if (typeof hi !== 'number' || hi < lo) return undefined;
        ranges.push([lo, hi]);
      } else {
        ranges.push([lo, lo]);
      }
    }
    const body = classOf(ranges) + props.join('');
    if (body === '') return negate ? '[\\s\\S]' : '[]';
    return `[${negate ? '^' : ''}${body}]`;
  }

  /** One rune of a class, or a class escape inside it. */
  private classAtom(): number | { ranges: Ranges } | { prop: string } | undefined {
    const c = this.s[this.i++]!;
    if (c !== '\\') return c.codePointAt(0)!;
    const e = this.escape(true);
    if (e === undefined || 'anchor' in e) return undefined;
    return 'rune' in e ? e.rune : e;
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor (just after `{`): the counts, or undefined when it is no repetition. */
  private repeat(): { text: string; min: number; max: number } | undefined {
    const rest = this.s.slice(this.i, this.i + 16).join('');
    const m = /^(\d+)(,(\d*))?\}/.exec(rest);
    if (m === null) return undefined;
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    return { text: '{' + m[0], min, max };
  }

  /** The whole expression as a JavaScript source; undefined when Go refuses it. */
  translate(): string | undefined {
    let out = '';
    // What came last: nothing to repeat (the start, "(" or "|"), something to repeat, or a repetition.
    let last: 'none' | 'atom' | 'repeat' = 'none';
    // Where the last atom began when it was an assertion (^, $, \b ...): Go
    // repeats those, JavaScript only inside a group.
    let assertionAt = -1;
    while (this.i < this.s.length) {
      const c = this.s[this.i++]!;
      switch (c) {
        case '\\': {
          if (this.peek() === 'Q') {
            this.i++;
            while (this.i < this.s.length && !(this.s[this.i] === '\\' && this.s[this.i + 1] === 'E')) out += cp(this.s[this.i++]!.codePointAt(0)!);
            if (this.i < this.s.length) this.i += 2;
            last = 'atom';
            assertionAt = -1;
            break;
          }
          const e = this.escape(false);
          if (e === undefined) return undefined;
          const at = out.length;
          if ('rune' in e) out += cp(e.rune);
          else if ('ranges' in e) out += `[${classOf(e.ranges)}]`;
          else if ('prop' in e) out += e.prop;
          else out += e.anchor;
          last = 'atom';
          assertionAt = 'anchor' in e ? at : -1;
          break;
        }
        case '[': {
          const cls = this.charClass();
          if (cls === undefined) return undefined;
          out += cls;
          last = 'atom';
          assertionAt = -1;
          break;
        }
        case '.':
          out += '[^\\n]';
          last = 'atom';
          assertionAt = -1;
          break;
        case '*':
        case '?':
        case '{': {
          // Go: a repetition needs something before it and may not repeat a repetition.
          const rep = c === '{' ? this.repeat() : { text: c, min: 0, max: 0 };
          if (rep === undefined) {
            out += cp(0x7b); // a "{" that starts no repetition is itself
            last = 'atom';
            assertionAt = -1;
            break;
          }
          if (last !== 'atom' || rep.min > 1000 || rep.max > 1000 || (rep.max >= 0 && rep.max < rep.min)) return undefined;
          if (assertionAt >= 0) out = out.slice(0, assertionAt) + '(?:' + out.slice(assertionAt) + ')';
          out += rep.text;
          last = 'repeat';
          assertionAt = -1;
          break;
        }
        case '(':
        case '|':
          out += c;
          last = 'none';
          assertionAt = -1;
          break;
        case ')':
          out += c;
          last = 'atom';
          assertionAt = -1;
          break;
        case '^':
        case '$':
          assertionAt = out.length;
          out += c;
          last = 'atom';
          break;
        default:
          // Everything else is itself (a lone "]", "-", "/", "}" ... included).
          out += cp(c.codePointAt(0)!);
          last = 'atom';
          assertionAt = -1;
      }
    }
    return out;
  }
}

/** A compiled expression: whether it matches somewhere in a string. */
export interface GoRegexp {
  test(s: string): boolean;
}

/**
 * regexp.Compile(src) for patternmatcher's expressions: a matcher with the
 * matches of Go's, or undefined where Go reports an error. The translation
 * is matched in linear time (src/go/regexp-match.ts), as Go matches: V8's
 * RegExp backtracks, which some patterns make exponential. The RegExp is
 * still made, for what JavaScript refuses (a `\p` name it does not know).
 */
export function compileGoRegexp(src: string): GoRegexp | undefined {
  // Bytes that are no UTF-8 (kept bytes): Go refuses the expression ("invalid UTF-8").
  if (hasKeptBytes(src)) return undefined;
  const js = new Parser(src).translate();
  if (js === undefined) return undefined;
  // Go's size limit first: V8 would take long over a RegExp that large.
  let matcher: GoRegexp | undefined;
  try {
    matcher = LinearRegexp.compile(js);
    if (matcher === undefined) return undefined;
  } catch (err) {
    // Text the matcher does not read (none is known: a translator bug): V8's RegExp, as before.
    if (!(err instanceof Unsupported)) throw err;
  }
  let re: RegExp;
  try {
    re = new RegExp(js, 'u');
  } catch {
    return undefined;
  }
  return matcher ?? re;
}

/** The translation of a Go expression to JavaScript's syntax (for tests: the matcher's input); undefined where Go refuses it. */
export function translateGoRegexp(src: string): string | undefined {
  return hasKeptBytes(src) ? undefined : new Parser(src).translate();
}
