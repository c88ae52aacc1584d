// Shell patterns of ${VAR#p}, ${VAR%p} and ${VAR/p/r}. Upstream turns them
// into a Go regular expression; the only constructs that can result are
// literal runes, `.` (any rune but newline, from `?`) and `.*` / `.*?` (from
// `*`). We compile to that small item list and match it with matcher.ts.

import { EOF, RuneScanner, runeString } from './scanner.ts';

/** `?`: any single rune except a newline. */
export const ANY = -1;
/** `*`: any run of runes without a newline. */
export const STAR = -2;

export interface ShellPattern {
  /** Literal code points (>= 0), ANY or STAR. */
  readonly items: Int32Array;
  /** Whether `*` prefers the longest run (`.*`) or the shortest (`.*?`). */
  readonly greedy: boolean;
}

/** A pattern upstream's converter rejects; the message is upstream's. */
export class PatternError extends Error {}

const BACKSLASH = 0x5c;

/**
 * Compiles a pattern. The backslash escapes `*`, `?` and itself (whatever the
 * Dockerfile's escape character is); before `}` or `/` it is dropped, since
 * there it only protected the delimiter of ${}.
 */
export function compileShellPattern(pattern: string, greedy: boolean): ShellPattern {
  const scanner = new RuneScanner(pattern);
  const items: number[] = [];
  for (let tok = scanner.next(); tok !== EOF; tok = scanner.next()) {
    if (tok === 0x2a) {
      items.push(STAR);
    } else if (tok === 0x3f) {
      items.push(ANY);
    } else if (tok === BACKSLASH) {
      const following = scanner.peek();
      if (following === 0x7d || following === 0x2f) continue;
      const escaped = scanner.next();
      if (escaped !== 0x2a && escaped !== 0x3f && escaped !== BACKSLASH) {
        throw new PatternError(`invalid escape '\\${runeString(escaped)}'`);
      }
      items.push(escaped);
    } else {
      items.push(tok);
    }
  }
  return { items: Int32Array.from(items), greedy };
}

/**
 * Reverses a pattern for suffix matching, keeping each `\x` pair in order
 * (a\*c becomes c\*a).
 */
export function reversePattern(pattern: string): string {
  const runes = Array.from(pattern);
  const last = runes.length - 1;
  const out = new Array<string>(runes.length);
  for (let i = 0; i <= last; ) {
    const at = last - i;
    if (runes[i] === '\\' && i !== last) {
      out[at - 1] = runes[i];
      out[at] = runes[i + 1];
      i += 2;
    } else {
      out[at] = runes[i];
      i++;
    }
  }
  return out.join('');
}

/** Reverses a string by code points (UTF-16 units reversed, each surrogate pair put back in order; one buffer, no array of characters). */
export function reverseString(s: string): string {
  const n = s.length;
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out[n - 2 - i] = c;
      out[n - 1 - i] = next;
      i++;
    } else out[n - 1 - i] = c;
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('utf16le');
}
