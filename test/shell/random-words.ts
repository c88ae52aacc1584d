// Deterministic random shell words for the fuzz and oracle tests: a mix of
// well-formed ${} forms and loose fragments of them, so both the happy paths
// and every error path are reached.

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FUZZ_ENV: readonly string[] = [
  'A=abc',
  'B=a b  c',
  'EMPTY=',
  'PAT=a*b?c',
  'P=/tmp/foo/bar.txt',
  'NL=x\ny\nz',
  'U=한국어 é',
  'D=$0 $$ ${0}',
  'BS=a\\b\\*',
  'STARS=**??',
  'LEAD=  lead',
  'AA=aaaaab',
];

const NAMES = [
  'A', 'B', 'EMPTY', 'PAT', 'P', 'NL', 'U', 'D', 'BS', 'STARS', 'LEAD', 'AA', 'A', 'B', 'P', 'AA', 'PAT',
  'X', 'NOPE', '1', '0', '@', '#', '?', '-', '$', '!', '*', '',
];
const MODIFIERS = [
  '', '', ':-', ':-', '-', '-', ':+', '+', '?', '#', '#', '##', '##', '%', '%', '%%', '%%', '/', '/', '//', '//',
  ':?', ':', '=', ':=', ':#', ':%', '.',
];
const ATOMS = [
  'a', 'b', 'x', 'y', '/', '.', '*', '?', ' ', '  ', '\t', '\n', '\\', '`', "'", '"', '$', '{', '}', ':',
  '-', '+', '#', '%', '=', '<', '<<', '<< ', '0', '9', 'é', '한', '\\*', '\\?', '\\\\', '\\}', '\\/', '\\$', '$$',
  '$A', '$B', '$X', '$1', '$@', '}', 'a', 'b', '*', '?', '/', 'a', 'b', 'x', ' ', '"$B"', "'$A'", 'a\\ b', '\ufeff', '😀',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** One random word of at most roughly `budget` atoms. */
export function randomWord(rand: () => number, budget = 5, depth = 0): string {
  const count = 1 + Math.floor(rand() * budget);
  let out = '';
  for (let i = 0; i < count; i++) {
    const r = rand();
    if (r < 0.35 && depth < 3) {
      const name = pick(rand, NAMES);
      const modifier = pick(rand, MODIFIERS);
      let operand = modifier === '' ? '' : randomWord(rand, 3, depth + 1);
      if (modifier === '/' || modifier === '//') operand += '/' + randomWord(rand, 2, depth + 1);
      const close = rand() < 0.98 ? '}' : '';
      out += '${' + name + modifier + operand + close;
    } else if (r < 0.45) {
      out += '$' + pick(rand, NAMES);
    } else if (r < 0.5 && depth < 3) {
      const quote = rand() < 0.5 ? '"' : "'";
      out += quote + randomWord(rand, 3, depth + 1) + (rand() < 0.97 ? quote : '');
    } else {
      out += pick(rand, ATOMS);
    }
  }
  return out;
}

export interface LexMode {
  escape: '\\' | '`';
  rawQuotes: boolean;
  rawEscapes: boolean;
  skipUnsetEnv: boolean;
  skipProcessQuotes: boolean;
}

export function randomMode(rand: () => number): LexMode {
  return {
    escape: rand() < 0.8 ? '\\' : '`',
    rawQuotes: rand() < 0.25,
    rawEscapes: rand() < 0.25,
    skipUnsetEnv: rand() < 0.25,
    skipProcessQuotes: rand() < 0.15,
  };
}

const VALUE_ATOMS = ['a', 'a', 'b', 'b', '\n', '*', '?', 'é', '/', '😀', ' ', '\\'];
const PATTERN_ATOMS = ['a', 'a', 'b', '*', '*', '?', '\\*', '\\?', '\\\\', 'é', '/', '\\/', '\\}', '\n', '😀', '$P'];
const TEMPLATES = ['$0', '${0}', '$$', '$1x', '$00', '$', '${', '${0', '$x_1', 'a$0b', '$0$0'];
const PATTERN_OPS = ['#', '##', '%', '%%', '/', '//'];

function randomRun(rand: () => number, atoms: readonly string[], max: number): string {
  const count = Math.floor(rand() * (max + 1));
  let out = '';
  for (let i = 0; i < count; i++) out += pick(rand, atoms);
  return out;
}

/** A ${V<op>pattern} word with its own small environment. */
export function randomPatternCase(rand: () => number): { word: string; env: string[] } {
  const op = pick(rand, PATTERN_OPS);
  const pattern = randomRun(rand, PATTERN_ATOMS, 5);
  let word = '${V' + op + pattern;
  if (op.startsWith('/')) word += '/' + pick(rand, ['x', '', '$R', '\\$0', 'y$R']);
  word += '}';
  const env = [
    'V=' + randomRun(rand, VALUE_ATOMS, 9),
    'P=' + randomRun(rand, PATTERN_ATOMS, 3),
    'R=' + pick(rand, TEMPLATES),
  ];
  return { word, env };
}
