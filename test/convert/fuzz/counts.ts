// The figures of a differential fuzzing run (run.ts), their final line, and
// the sum of several runs' final lines (sum.ts: slices of one long run).

export interface FuzzCounts {
  identical: number;
  differing: number;
  robustness: number;
  known: number;
  nondeterministic: number;
  races: number;
  incomparable: number;
  /** Wall-clock seconds spent. */
  seconds: number;
}

export function newCounts(): FuzzCounts {
  return { identical: 0, differing: 0, robustness: 0, known: 0, nondeterministic: 0, races: 0, incomparable: 0, seconds: 0 };
}

export interface FuzzRange {
  seed: number;
  start: number;
  count: number;
}

/** The syntax channel a run compares (FUZZ_CHANNEL, default stable): ours in it against upstream's build of it (differential.ts). */
export const fuzzChannel: 'stable' | 'labs' = process.env.FUZZ_CHANNEL === 'labs' ? 'labs' : 'stable';

/** In the labs channel, its by-design difference is known too. */
const KNOWN_LABS = fuzzChannel === 'labs' ? '; labs by design: a variable in --from / from=' : '';

/** The final line of a run. */
export function formatCounts(c: FuzzCounts, r: FuzzRange): string {
  return (
    `differential fuzz: ${c.identical}/${r.count - c.incomparable - c.known} identical (seed ${r.seed}, inputs ${r.start}..${r.start + r.count - 1}; ` +
    `${c.differing} differing, ${c.robustness} robustness failures; ${c.known} known differences (progress names holding bytes that are no UTF-8, a Definition upstream cannot marshal${KNOWN_LABS}); ` +
    `${c.nondeterministic} only after rerunning upstream, whose answer varies, ${c.races} of these a race between failing stages no rerun showed; ` +
    `${c.incomparable} more not comparable offline; ${c.seconds.toFixed(0)} s)`
  );
}

const LINE =
  /^differential fuzz: (\d+)\/(\d+) identical \(seed (\d+), inputs (\d+)\.\.(\d+); (\d+) differing, (\d+) robustness failures; (\d+) known differences \([^)]*\); (\d+) only after rerunning upstream, whose answer varies, (\d+) of these a race between failing stages no rerun showed; (\d+) more not comparable offline; (\d+) s\)$/;

/** A final line read back: its counts and range. */
export function parseCounts(line: string): { counts: FuzzCounts; range: FuzzRange } | undefined {
  const m = LINE.exec(line.trim());
  if (m === null) return undefined;
  const n = m.slice(1).map(Number);
  const [identical, , seed, first, last, differing, robustness, known, nondeterministic, races, incomparable, seconds] = n;
  return {
    counts: { identical, differing, robustness, known, nondeterministic, races, incomparable, seconds },
    range: { seed, start: first, count: last - first + 1 },
  };
}
