// Linear-time `test` for the expressions src/go/regexp.ts writes (Go's RE2
// syntax translated to JavaScript's): what RegExp.prototype.test answers for
// them (flag `u`, no `m`), without backtracking. Go's regexp never
// backtracks, so a .dockerignore pattern like `a*a*a*a*a*a*a*a*a*a*a*a*b`
// costs it microseconds against a 40-character path; V8's backtracking
// engine took 55 s over it (one COPY source). Here the expression is a
// Thompson NFA, run as a DFA built while it runs (each set of NFA states
// reached, and its step on each character, is made once and kept): time is
// O(input x expression) at worst, one table look-up per character once warm.
//
// The input is the translator's output, a small subset of JavaScript's
// syntax: `\u{H}` runes, classes `[...]` of `\u{H}` runes and ranges,
// `\p{...}`/`\P{...}`, `[\s\S]`, `[^\n]` and `[]`; `\p{...}` outside classes;
// the assertions `^`, `$`, `\b`, `\B`; groups `(...)` and `(?:...)`; `|`;
// and the repetitions `*`, `?`, `{n}`, `{n,}`, `{n,m}` (n, m <= 1000).

/** One character set of the expression: its membership test. */
type CharTest = (c: number) => boolean;

type Node =
  | { k: 'char'; set: number }
  | { k: 'assert'; a: Assertion }
  | { k: 'cat'; items: Node[] }
  | { k: 'alt'; alts: Node[] }
  | { k: 'rep'; node: Node; min: number; max: number }
  /** A capturing group (patternmatcher's own, around `.*` and a slash): only its size differs. */
  | { k: 'group'; node: Node };

const enum Assertion {
  Start,
  End,
  WordBoundary,
  NotWordBoundary,
}

const enum Op {
  Char,
  Split,
  Jmp,
  Assert,
  Match,
}

/** Thrown for text outside the subset (a bug in the translator, not the user's pattern). */
export class Unsupported extends Error {}

class SubsetParser {
  private i = 0;
  readonly sets: CharTest[] = [];
  /** The sets that are one rune (`\u{H}` outside a class): their rune. */
  readonly runes = new Map<number, number>();
  private readonly setIndex = new Map<string, number>();

  constructor(private readonly s: string) {}

  parse(): Node {
    const n = this.alternation();
    if (this.i !== this.s.length) throw new Unsupported(`unexpected ${this.s[this.i]} at ${this.i}`);
    return n;
  }

  private alternation(): Node {
    const alts = [this.concatenation()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.concatenation());
    }
    return alts.length === 1 ? alts[0]! : { k: 'alt', alts };
  }

  private concatenation(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      let atom = this.atom();
      for (;;) {
        const rep = this.repetition();
        if (rep === undefined) break;
        atom = { k: 'rep', node: atom, min: rep[0], max: rep[1] };
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { k: 'cat', items };
  }

  /** `*`, `?`, `{n}`, `{n,}` or `{n,m}` at the cursor: [min, max] (max -1: unbounded). */
  private repetition(): [number, number] | undefined {
    const c = this.s[this.i];
    if (c === '*') {
      this.i++;
      return [0, -1];
    }
    if (c === '?') {
      this.i++;
      return [0, 1];
    }
    if (c !== '{') return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i, this.i + 16));
    if (m === null) throw new Unsupported('a "{" that is no repetition');
    this.i += m[0].length;
    const min = Number(m[1]);
    return [min, m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3])];
  }

  private atom(): Node {
    const c = this.s[this.i]!;
    if (c === '(') {
      const capture = !this.s.startsWith('(?:', this.i);
      this.i += capture ? 1 : 3;
      const n = this.alternation();
      if (this.s[this.i] !== ')') throw new Unsupported('unclosed group');
      this.i++;
      return capture ? { k: 'group', node: n } : n;
    }
    if (c === '[') return { k: 'char', set: this.charClass() };
    if (c === '^' || c === '$') {
      this.i++;
      return { k: 'assert', a: c === '^' ? Assertion.Start : Assertion.End };
    }
    if (c !== '\\') throw new Unsupported(`unexpected ${c}`);
    const e = this.s[this.i + 1];
    if (e === 'b' || e === 'B') {
      this.i += 2;
      return { k: 'assert', a: e === 'b' ? Assertion.WordBoundary : Assertion.NotWordBoundary };
    }
    if (e === 'p' || e === 'P') {
      const text = this.property();
      return { k: 'char', set: this.set(text, () => propertyTest(text)) };
    }
    const rune = this.rune();
    const set = this.set(`\\u{${rune.toString(16)}}`, () => (x) => x === rune);
    this.runes.set(set, rune);
    return { k: 'char', set };
  }

  /** `\u{H}` at the cursor. */
  private rune(): number {
    const s = this.s;
    let j = this.i + 3;
    let v = 0;
    if (s.charCodeAt(this.i) === 0x5c && s.charCodeAt(this.i + 1) === 0x75 && s.charCodeAt(this.i + 2) === 0x7b) {
      for (; j < s.length && j < this.i + 11; j++) {
        const c = s.charCodeAt(j);
        const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x61 + 10 : -1;
        if (d < 0) break;
        v = v * 16 + d;
      }
    }
    if (j === this.i + 3 || s.charCodeAt(j) !== 0x7d) throw new Unsupported(`unexpected escape at ${this.i}`);
    this.i = j + 1;
    return v;
  }

  /** `\p{...}` or `\P{...}` at the cursor: its text. */
  private property(): string {
    const end = this.s.indexOf('}', this.i);
    if (end < 0) throw new Unsupported('unclosed \\p');
    const text = this.s.slice(this.i, end + 1);
    this.i = end + 1;
    return text;
  }

  /** A class at the cursor: its set. */
  private charClass(): number {
    const start = this.i;
    this.i++;
    let negate = false;
    if (this.s[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const ranges: number[] = [];
    const props: string[] = [];
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) throw new Unsupported('unclosed class');
      if (c === ']') {
        this.i++;
        break;
      }
      const e = this.s[this.i + 1];
      if (c === '\\' && (e === 'p' || e === 'P')) {
        props.push(this.property());
      } else if (c === '\\' && (e === 's' || e === 'S' || e === 'n')) {
        // Only in `[\s\S]` (anything) and `[^\n]` (Go's `.`).
        this.i += 2;
        if (e === 'n') ranges.push(0x0a, 0x0a);
        else ranges.push(0, 0x10ffff);
      } else {
        const lo = this.rune();
        let hi = lo;
        if (this.s[this.i] === '-') {
          this.i++;
          hi = this.rune();
        }
        ranges.push(lo, hi);
      }
    }
    const text = this.s.slice(start, this.i);
    return this.set(text, () => {
      const prop = props.length === 0 ? undefined : propertyTest(props.join(''));
      const inRanges = (x: number): boolean => {
        for (let k = 0; k < ranges.length; k += 2) if (x >= ranges[k]! && x <= ranges[k + 1]!) return true;
        return false;
      };
      const member = prop === undefined ? inRanges : (x: number): boolean => inRanges(x) || prop(x);
      return negate ? (x) => !member(x) : member;
    });
  }

  private set(key: string, make: () => CharTest): number {
    let id = this.setIndex.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(make());
      this.setIndex.set(key, id);
    }
    return id;
  }
}

/** Membership in Unicode property classes, by JavaScript's own tables (as the RegExp the matcher stands in for). */
function propertyTest(props: string): CharTest {
  const re = new RegExp(`^[${props}]$`, 'u');
  return (x) => re.test(String.fromCodePoint(x));
}

/** The NFA: parallel arrays of instructions. */
interface Program {
  op: Op[];
  /** Char: the set; Split, Jmp: the first target; Assert: the assertion. */
  x: number[];
  /** Split: the second target. */
  y: number[];
  sets: CharTest[];
  hasWordAssertions: boolean;
}

function compile(node: Node, sets: CharTest[]): Program {
  const p: Program = { op: [], x: [], y: [], sets, hasWordAssertions: false };
  const emit = (op: Op, x = 0, y = 0): number => {
    p.op.push(op);
    p.x.push(x);
    p.y.push(y);
    return p.op.length - 1;
  };
  // Recursion only through groups and repetitions, which the translator
  // nests a few levels at most (a pattern cannot open a group of its own).
  const gen = (n: Node): void => {
    switch (n.k) {
      case 'char':
        emit(Op.Char, n.set);
        break;
      case 'assert':
        if (n.a === Assertion.WordBoundary || n.a === Assertion.NotWordBoundary) p.hasWordAssertions = true;
        emit(Op.Assert, n.a);
        break;
      case 'group':
        gen(n.node);
        break;
      case 'cat':
        for (const item of n.items) gen(item);
        break;
      case 'alt': {
        // split L1, next; L1: a1; jmp end; next: split L2, next2; ... ; last: ak; end:
        const jumps: number[] = [];
        n.alts.forEach((a, k) => {
          if (k === n.alts.length - 1) {
            gen(a);
            return;
          }
          const split = emit(Op.Split, p.op.length + 1);
          gen(a);
          jumps.push(emit(Op.Jmp));
          p.y[split] = p.op.length;
        });
        for (const j of jumps) p.x[j] = p.op.length;
        break;
      }
      case 'rep': {
        for (let k = 0; k < n.min; k++) gen(n.node);
        if (n.max < 0) {
          // L: split body, out; body: node; jmp L; out:
          const loop = emit(Op.Split, p.op.length + 1);
          gen(n.node);
          emit(Op.Jmp, loop);
          p.y[loop] = p.op.length;
        } else {
          // Each optional copy: split body, out (all to the end).
          const splits: number[] = [];
          for (let k = n.min; k < n.max; k++) {
            splits.push(emit(Op.Split, p.op.length + 1));
            gen(n.node);
          }
          for (const sp of splits) p.y[sp] = p.op.length;
        }
        break;
      }
    }
  };
  gen(node);
  emit(Op.Match);
  return p;
}

/**
 * Go's regexp/syntax size limit: an expression whose compiled program would
 * exceed 128 MB of instructions (3,355,443 of 40 bytes) fails with
 * "expression too large" (ErrLarge), which patternmatcher reports as the
 * pattern's error. Sizes as its parser's calcSize counts them.
 */
export const GO_MAX_SIZE = Math.floor((128 << 20) / 40);

/**
 * calcSize of the expression Go parses (a rune, class or assertion 1, a star
 * 2 + its operand, `?` 1 + it, x{n,} 1 + n x, x{n,m} m x + (m - n), a
 * capture 2 + it, a concatenation the sum, k alternatives the sum + k - 1),
 * capped just above the limit. Go factors common prefixes out of
 * alternatives first, which only makes its size smaller: undefined for an
 * expression with alternatives, whose exact size is not known here.
 */
function goSize(n: Node): number | undefined {
  const cap = (v: number): number => Math.min(v, GO_MAX_SIZE + 1);
  switch (n.k) {
    case 'char':
    case 'assert':
      return 1;
    case 'group': {
      const sub = goSize(n.node);
      return sub === undefined ? undefined : cap(2 + sub);
    }
    case 'cat': {
      let sum = 0;
      for (const item of n.items) {
        const v = goSize(item);
        if (v === undefined) return undefined;
        sum = cap(sum + v);
      }
      return Math.max(1, sum);
    }
    case 'alt':
      return undefined;
    case 'rep': {
      const sub = goSize(n.node);
      if (sub === undefined) return undefined;
      if (n.max < 0) return cap(n.min === 0 ? 2 + sub : 1 + n.min * sub);
      if (n.min === 0 && n.max === 1) return cap(1 + sub);
      return Math.max(1, cap(n.max * sub + (n.max - n.min)));
    }
  }
}

const isWord = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/** Where the closure is taken: what the assertions see. */
interface Context {
  atStart: boolean;
  atEnd: boolean;
  prevWord: boolean;
  nextWord: boolean;
}

const START: Context = { atStart: true, atEnd: false, prevWord: false, nextWord: false };
const START_AND_END: Context = { atStart: true, atEnd: true, prevWord: false, nextWord: false };
const MID: Context = { atStart: false, atEnd: false, prevWord: false, nextWord: false };
const END: Context = { atStart: false, atEnd: true, prevWord: false, nextWord: false };

function codePoints(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s.codePointAt(i)!;
    cps.push(c);
    i += c > 0xffff ? 2 : 1;
  }
  return cps;
}

/**
 * The literal text an expression `^abc...` requires at the start of the
 * input (its runes from the `^` to the first thing that is not one rune;
 * '' for any other expression), as Go's regexp takes an anchored
 * expression's literal prefix: a .dockerignore of thousands of patterns
 * like `src/gen/*.pb` is tried against every path of the context, and most
 * patterns are then refused by a string comparison. Surrogate runes end it
 * (the matcher reads a pair as one code point, the comparison would not).
 */
function anchoredPrefix(node: Node, runes: ReadonlyMap<number, number>): string {
  if (node.k !== 'cat' || node.items[0]?.k !== 'assert' || node.items[0].a !== Assertion.Start) return '';
  let prefix = '';
  for (let i = 1; i < node.items.length; i++) {
    const item = node.items[i]!;
    const rune = item.k === 'char' ? runes.get(item.set) : undefined;
    if (rune === undefined || (rune >= 0xd800 && rune <= 0xdfff)) break;
    prefix += String.fromCodePoint(rune);
  }
  return prefix;
}

/** A DFA state: the Char instructions reached (sorted), whether Match was, and its steps (tables made when first needed). */
class DState {
  ascii: (DState | undefined)[] | undefined;
  other: Map<number, DState> | undefined;
  /** At the last character: whether the step there reaches Match, by character. */
  end: Map<number, boolean> | undefined;
  constructor(
    readonly pcs: Int32Array,
    readonly matched: boolean,
  ) {}
}

/**
 * More DFA states than this and the cache starts again: memory stays
 * bounded (~1 KB a state, so ~0.5 MB an expression at most, whatever a
 * .dockerignore of many patterns is matched against), time stays linear.
 */
const MAX_STATES = 512;

/**
 * Started again this many times, the cache is given up for the NFA alone
 * (testNFA): an expression whose walk through the text needs more states
 * than the cache holds (a pattern of 800 `?` reaches a new state at each
 * character) made each state, its key and its table only to drop them (4.6x
 * upstream's time), where stepping the NFA's sets costs less than making a
 * state from them.
 */
const MAX_RESETS = 2;

export class LinearRegexp {
  /**
   * The program, the closure's marks and the cache of states, made when a
   * text first gets past the prefix: a .dockerignore of 100,000 patterns
   * (a directory, `**`, a file name) is compiled in full for the first COPY
   * source, and most of its patterns refuse every source by their prefix.
   */
  private program: Program | undefined;
  private marks: Int32Array | undefined;
  private generation = 0;
  private readonly stack: number[] = [];
  private states: Map<string, DState> | undefined;
  /** How many times the cache of states was started again (see MAX_RESETS). */
  private resets = 0;
  private start: DState | undefined;
  /** Whether Match is reached at the end from no instruction at all (see test). */
  private fromNothing: boolean | undefined;

  private constructor(
    private readonly node: Node,
    private readonly sets: CharTest[],
    /** Text every match starts the input with (see anchoredPrefix). */
    private readonly prefix: string,
  ) {}

  private get prog(): Program {
    return (this.program ??= compile(this.node, this.sets));
  }

  /** The matcher of a translated expression; undefined when Go refuses it as too large (ErrLarge). */
  static compile(source: string): LinearRegexp | undefined {
    const parser = new SubsetParser(source);
    const node = parser.parse();
    const size = goSize(node);
    if (size !== undefined && size > GO_MAX_SIZE) return undefined;
    return new LinearRegexp(node, parser.sets, anchoredPrefix(node, parser.runes));
  }

  /** The Char instructions and Match reached from `kernel` (and the start, for a search) in this context. */
  private closure(kernel: ArrayLike<number>, ctx: Context): { pcs: number[]; matched: boolean } {
    const { op, x, y } = this.prog;
    const gen = ++this.generation;
    const seen = (this.marks ??= new Int32Array(op.length));
    const stack = this.stack;
    const pcs: number[] = [];
    let matched = false;
    // Pushed in reverse so the start is explored last (order does not matter for a yes/no answer).
    stack.push(0);
    for (let k = kernel.length - 1; k >= 0; k--) stack.push(kernel[k]!);
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (seen[pc] === gen) continue;
      seen[pc] = gen;
      switch (op[pc]) {
        case Op.Char:
          pcs.push(pc);
          break;
        case Op.Match:
          matched = true;
          break;
        case Op.Jmp:
          stack.push(x[pc]!);
          break;
        case Op.Split:
          stack.push(y[pc]!, x[pc]!);
          break;
        case Op.Assert: {
          const a = x[pc] as Assertion;
          const ok =
            a === Assertion.Start
              ? ctx.atStart
              : a === Assertion.End
                ? ctx.atEnd
                : (ctx.prevWord !== ctx.nextWord) === (a === Assertion.WordBoundary);
          if (ok) stack.push(pc + 1);
          break;
        }
      }
    }
    pcs.sort((a, b) => a - b);
    return { pcs, matched };
  }

  /** The instructions after each Char of `pcs` whose set holds `c`. */
  private advance(pcs: ArrayLike<number>, c: number): number[] {
    const { x, sets } = this.prog;
    const next: number[] = [];
    for (let k = 0; k < pcs.length; k++) {
      const pc = pcs[k]!;
      if (sets[x[pc]!]!(c)) next.push(pc + 1);
    }
    return next;
  }

  private intern(r: { pcs: number[]; matched: boolean }): DState {
    const key = (r.matched ? 'm' : '') + r.pcs.join(',');
    this.states ??= new Map();
    let s = this.states.get(key);
    if (s === undefined) {
      if (this.states.size >= MAX_STATES) {
        this.states = new Map();
        this.start = undefined;
        this.resets++;
      }
      s = new DState(Int32Array.from(r.pcs), r.matched);
      this.states.set(key, s);
    }
    return s;
  }

  /** RegExp.prototype.test: a match anywhere in `s`. */
  test(s: string): boolean {
    if (!s.startsWith(this.prefix)) return false;
    if (this.prog.hasWordAssertions) return this.testSlowly(codePoints(s));
    if (this.resets >= MAX_RESETS) return this.testNFA(s);
    const n = s.length;
    if (n === 0) return this.closure([], START_AND_END).matched;
    let state = (this.start ??= this.intern(this.closure([], START)));
    if (state.matched) return true;
    for (let i = 0; ; ) {
      // Code points, as the `u` flag reads the text (a lone surrogate is one).
      let c = s.charCodeAt(i++);
      if (c >= 0xd800 && c <= 0xdbff && i < n) {
        const d = s.charCodeAt(i);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        }
      }
      if (i >= n) return this.last(state, c);
      let next = c < 128 ? state.ascii?.[c] : state.other?.get(c);
      if (next === undefined) {
        next = this.intern(this.closure(this.advance(state.pcs, c), MID));
        if (c < 128) (state.ascii ??= new Array<DState | undefined>(128))[c] = next;
        else (state.other ??= new Map()).set(c, next);
      }
      if (next.matched) return true;
      // No instruction left: in the middle of the text the start adds none
      // either (it did not just now), so none is added until the end, where
      // the answer depends on no character. An anchored expression whose
      // text has stopped matching answers here, without reading the rest.
      if (next.pcs.length === 0) return (this.fromNothing ??= this.closure([], END).matched);
      state = next;
    }
  }

  /** test without the cache of states: the NFA's sets of instructions, stepped as test steps its states. */
  private testNFA(s: string): boolean {
    const n = s.length;
    if (n === 0) return this.closure([], START_AND_END).matched;
    let cur = this.closure([], START);
    if (cur.matched) return true;
    for (let i = 0; ; ) {
      // The code points test reads (its loop decodes them inline: faster there, where a step is a
      // look-up; here each step builds a set, and codePointAt reads them the same way).
      const c = s.codePointAt(i)!;
      i += c > 0xffff ? 2 : 1;
      if (i >= n) return this.closure(this.advance(cur.pcs, c), END).matched;
      cur = this.closure(this.advance(cur.pcs, c), MID);
      if (cur.matched) return true;
      if (cur.pcs.length === 0) return (this.fromNothing ??= this.closure([], END).matched);
    }
  }

  /** The step on the last character: whether Match is reached at the end. */
  private last(state: DState, c: number): boolean {
    const known = state.end?.get(c);
    if (known !== undefined) return known;
    const matched = this.closure(this.advance(state.pcs, c), END).matched;
    (state.end ??= new Map()).set(c, matched);
    return matched;
  }

  /** With \b or \B the closure depends on the characters on both sides: the NFA alone, O(input x expression). */
  private testSlowly(cps: number[]): boolean {
    const n = cps.length;
    const ctx: Context = { atStart: true, atEnd: n === 0, prevWord: false, nextWord: n > 0 && isWord(cps[0]!) };
    let cur = this.closure([], ctx);
    if (cur.matched) return true;
    for (let i = 0; i < n; i++) {
      const next = this.advance(cur.pcs, cps[i]!);
      ctx.atStart = false;
      ctx.atEnd = i + 1 === n;
      ctx.prevWord = isWord(cps[i]!);
      ctx.nextWord = i + 1 < n && isWord(cps[i + 1]!);
      cur = this.closure(next, ctx);
      if (cur.matched) return true;
    }
    return false;
  }
}
