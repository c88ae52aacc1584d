// Go's sort.Slice: pattern-defeating quicksort (Go 1.19 and later), which is
// not stable. Where upstream sorts with it and elements can tie (lint
// warnings on the same line), the order of the ties is the algorithm's, so
// JavaScript's stable Array.prototype.sort gives another answer once there
// are more than 12 elements (below that Go uses an insertion sort, which
// keeps ties in place). This follows the steps of Go's pdqsort_func, swap by
// swap, on an array sorted in place.

const MAX_INSERTION = 12;
const INCREASING = 1;
const DECREASING = 2;

class Sorter<T> {
  constructor(
    private readonly a: T[],
    private readonly lessFn: (x: T, y: T) => boolean,
  ) {}

  less(i: number, j: number): boolean {
    return this.lessFn(this.a[i]!, this.a[j]!);
  }

  swap(i: number, j: number): void {
    const t = this.a[i]!;
    this.a[i] = this.a[j]!;
    this.a[j] = t;
  }

  insertionSort(lo: number, hi: number): void {
    for (let i = lo + 1; i < hi; i++) {
      for (let j = i; j > lo && this.less(j, j - 1); j--) this.swap(j, j - 1);
    }
  }

  private siftDown(lo: number, hi: number, first: number): void {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && this.less(first + child, first + child + 1)) child++;
      if (!this.less(first + root, first + child)) return;
      this.swap(first + root, first + child);
      root = child;
    }
  }

  heapSort(lo: number, hi: number): void {
    const n = hi - lo;
    for (let i = Math.trunc((n - 1) / 2); i >= 0; i--) this.siftDown(i, n, lo);
    for (let i = n - 1; i >= 0; i--) {
      this.swap(lo, lo + i);
      this.siftDown(0, i, lo);
    }
  }

  pdqsort(lo: number, hi: number, limit: number): void {
    let balanced = true;
    let partitioned = true;
    for (;;) {
      const n = hi - lo;
      if (n <= MAX_INSERTION) {
        this.insertionSort(lo, hi);
        return;
      }
      if (limit === 0) {
        this.heapSort(lo, hi);
        return;
      }
      if (!balanced) {
        this.breakPatterns(lo, hi);
        limit--;
      }
      let [pivot, hint] = this.choosePivot(lo, hi);
      if (hint === DECREASING) {
        this.reverse(lo, hi);
        pivot = hi - 1 - (pivot - lo);
        hint = INCREASING;
      }
      if (balanced && partitioned && hint === INCREASING && this.partialInsertionSort(lo, hi)) return;
      if (lo > 0 && !this.less(lo - 1, pivot)) {
        lo = this.partitionEqual(lo, hi, pivot);
        continue;
      }
      const [mid, already] = this.partition(lo, hi, pivot);
      partitioned = already;
      const left = mid - lo;
      const right = hi - mid;
      const threshold = Math.trunc(n / 8);
      if (left < right) {
        balanced = left >= threshold;
        this.pdqsort(lo, mid, limit);
        lo = mid + 1;
      } else {
        balanced = right >= threshold;
        this.pdqsort(mid + 1, hi, limit);
        hi = mid;
      }
    }
  }

  private partition(lo: number, hi: number, pivot: number): [number, boolean] {
    this.swap(lo, pivot);
    let i = lo + 1;
    let j = hi - 1;
    while (i <= j && this.less(i, lo)) i++;
    while (i <= j && !this.less(j, lo)) j--;
    if (i > j) {
      this.swap(j, lo);
      return [j, true];
    }
    this.swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && this.less(i, lo)) i++;
      while (i <= j && !this.less(j, lo)) j--;
      if (i > j) break;
      this.swap(i, j);
      i++;
      j--;
    }
    this.swap(j, lo);
    return [j, false];
  }

  private partitionEqual(lo: number, hi: number, pivot: number): number {
    this.swap(lo, pivot);
    let i = lo + 1;
    let j = hi - 1;
    for (;;) {
      while (i <= j && !this.less(lo, i)) i++;
      while (i <= j && this.less(lo, j)) j--;
      if (i > j) return i;
      this.swap(i, j);
      i++;
      j--;
    }
  }

  /** Sorts a nearly sorted range with a few shifts; false when it gave up. */
  private partialInsertionSort(lo: number, hi: number): boolean {
    const maxSteps = 5;
    const shortestShifting = 50;
    let i = lo + 1;
    for (let step = 0; step < maxSteps; step++) {
      while (i < hi && !this.less(i, i - 1)) i++;
      if (i === hi) return true;
      if (hi - lo < shortestShifting) return false;
      this.swap(i, i - 1);
      if (i - lo >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
      if (hi - i >= 2) {
        for (let j = i + 1; j < hi; j++) {
          if (!this.less(j, j - 1)) break;
          this.swap(j, j - 1);
        }
      }
    }
    return false;
  }

  private breakPatterns(lo: number, hi: number): void {
    const n = hi - lo;
    if (n < 8) return;
    // xorshift64 seeded with the length.
    let r = BigInt(n);
    const next = (): bigint => {
      r = BigInt.asUintN(64, r ^ (r << 13n));
      r ^= r >> 7n;
      r = BigInt.asUintN(64, r ^ (r << 17n));
      return r;
    };
    const modulus = BigInt(2 ** bitLen(n));
    const start = lo + Math.trunc(n / 4) * 2 - 1;
    for (let idx = start; idx <= start + 2; idx++) {
      let other = Number(next() & (modulus - 1n));
      if (other >= n) other -= n;
      this.swap(idx, lo + other);
    }
  }

  private choosePivot(lo: number, hi: number): [number, number] {
    const shortestNinther = 50;
    const maxSwaps = 4 * 3;
    const n = hi - lo;
    const swaps = { n: 0 };
    const quarter = Math.trunc(n / 4);
    let i = lo + quarter;
    let j = lo + quarter * 2;
    let k = lo + quarter * 3;
    if (n >= 8) {
      if (n >= shortestNinther) {
        i = this.median(i - 1, i, i + 1, swaps);
        j = this.median(j - 1, j, j + 1, swaps);
        k = this.median(k - 1, k, k + 1, swaps);
      }
      j = this.median(i, j, k, swaps);
    }
    return [j, swaps.n === 0 ? INCREASING : swaps.n === maxSwaps ? DECREASING : 0];
  }

  private median(a: number, b: number, c: number, swaps: { n: number }): number {
    const order = (x: number, y: number): [number, number] => {
      if (this.less(y, x)) {
        swaps.n++;
        return [y, x];
      }
      return [x, y];
    };
    [a, b] = order(a, b);
    [b, c] = order(b, c);
    [a, b] = order(a, b);
    return b;
  }

  private reverse(lo: number, hi: number): void {
    for (let i = lo, j = hi - 1; i < j; i++, j--) this.swap(i, j);
  }
}

/** math/bits.Len for a non-negative safe integer. */
function bitLen(n: number): number {
  let len = 0;
  while (n > 0) {
    len++;
    n = Math.floor(n / 2);
  }
  return len;
}

/** Go's sort.Slice(a, less): sorts `a` in place as Go would, ties included. */
export function goSortSlice<T>(a: T[], less: (x: T, y: T) => boolean): T[] {
  new Sorter(a, less).pdqsort(0, a.length, bitLen(a.length));
  return a;
}
