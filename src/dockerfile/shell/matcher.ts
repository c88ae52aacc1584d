// Linear-time matching of compiled shell patterns with the leftmost-first
// (Perl) semantics of Go's regexp, which upstream relies on: among matches
// starting at the leftmost position, the one preferred by greedy `.*` (longer)
// or lazy `.*?` (shorter) wins. This is a Pike VM: every pattern position is
// tracked at most once per input rune, in priority order, so time is
// O(input * pattern) whatever the input, unlike a backtracking JS RegExp.

import { ANY, STAR } from './pattern.ts';
import type { ShellPattern } from './pattern.ts';

const NEWLINE = 0x0a;
const END = -1;

/** A match as UTF-16 offsets into the searched string: [start, end). */
export type MatchRange = [start: number, end: number];

/** One ordered thread list: pattern nodes with the offset each thread started at. */
class ThreadList {
  readonly nodes: Int32Array;
  readonly starts: Int32Array;
  private readonly seen: Int32Array;
  private generation = 1;
  length = 0;

  constructor(size: number) {
    this.nodes = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.seen = new Int32Array(size);
  }

  clear(): void {
    this.length = 0;
    this.generation++;
  }

  /** Marks a node as reached in this step; false if it already was. */
  visit(node: number): boolean {
    if (this.seen[node] === this.generation) return false;
    this.seen[node] = this.generation;
    return true;
  }

  push(node: number, start: number): void {
    this.nodes[this.length] = node;
    this.starts[this.length] = start;
    this.length++;
  }
}

export class PatternMatcher {
  private readonly items: Int32Array;
  private readonly greedy: boolean;
  /** Node index that means "the whole pattern matched". */
  private readonly final: number;
  /** The pattern text when it has no wildcards (then plain search suffices). */
  private readonly literal: string | null;
  private current: ThreadList;
  private following: ThreadList;

  constructor(pattern: ShellPattern) {
    this.items = collapseStars(pattern.items);
    this.greedy = pattern.greedy;
    this.literal = literalText(this.items);
    this.final = this.items.length;
    this.current = new ThreadList(this.final + 1);
    this.following = new ThreadList(this.final + 1);
  }

  /**
   * Finds the leftmost-first match in `text` starting the search at `from`.
   * With `anchored`, only a match starting exactly at `from` counts.
   */
  find(text: string, from: number, anchored: boolean): MatchRange | null {
    if (this.literal !== null) {
      const lit = this.literal;
      if (anchored) return text.startsWith(lit, from) ? [from, from + lit.length] : null;
      const at = text.indexOf(lit, from);
      return at < 0 ? null : [at, at + lit.length];
    }
    let clist = this.current;
    let nlist = this.following;
    clist.clear();
    nlist.clear();
    let found = false;
    let matchStart = 0;
    let matchEnd = 0;
    let pos = from;
    for (;;) {
      if (clist.length === 0 && (found || (anchored && pos !== from))) break;
      if (!found && (!anchored || pos === from)) this.add(clist, 0, pos);

      let ch = END;
      let width = 0;
      if (pos < text.length) {
        ch = text.charCodeAt(pos);
        width = 1;
        if (ch >= 0xd800 && ch <= 0xdbff && pos + 1 < text.length) {
          const low = text.charCodeAt(pos + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            ch = (ch - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            width = 2;
          }
        }
      }

      nlist.clear();
      const items = this.items;
      for (let i = 0; i < clist.length; i++) {
        const node = clist.nodes[i];
        const start = clist.starts[i];
        if (node === this.final) {
          // First-match mode: this thread outranks every later one.
          found = true;
          matchStart = start;
          matchEnd = pos;
          break;
        }
        if (ch === END) continue;
        const item = items[node];
        if (item === STAR) {
          if (ch !== NEWLINE) this.add(nlist, node, start);
        } else if (item === ANY) {
          if (ch !== NEWLINE) this.add(nlist, node + 1, start);
        } else if (item === ch) {
          this.add(nlist, node + 1, start);
        }
      }
      if (width === 0) break;
      pos += width;
      const swap = clist;
      clist = nlist;
      nlist = swap;
    }
    return found ? [matchStart, matchEnd] : null;
  }

  /**
   * Adds the threads reachable from `node` without consuming input, in
   * priority order. Runs of `*` are walked iteratively so long patterns
   * cannot exhaust the stack.
   */
  private add(list: ThreadList, node: number, start: number): void {
    const items = this.items;
    const final = this.final;
    let k = node;
    let tail = false;
    for (;;) {
      if (!list.visit(k)) break;
      if (k < final && items[k] === STAR) {
        k++;
        continue;
      }
      tail = true;
      break;
    }
    // Nodes node..k-1 are stars: each may loop (consume) or skip ahead.
    if (this.greedy) {
      for (let s = node; s < k; s++) list.push(s, start);
      if (tail) list.push(k, start);
    } else {
      if (tail) list.push(k, start);
      for (let s = k - 1; s >= node; s--) list.push(s, start);
    }
  }
}

// `**` matches exactly what `*` matches, with the same preference, and the
// match range is all we report; collapsing keeps the thread lists short.
function collapseStars(items: Int32Array): Int32Array {
  let n = 0;
  const out = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if (items[i] === STAR && n > 0 && out[n - 1] === STAR) continue;
    out[n++] = items[i];
  }
  return out.subarray(0, n);
}

function literalText(items: Int32Array): string | null {
  let text = '';
  for (let i = 0; i < items.length; i++) {
    if (items[i] < 0) return null;
    text += String.fromCodePoint(items[i]);
  }
  return text;
}
