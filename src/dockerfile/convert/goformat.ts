// Text formats the Go converter produces with fmt verbs and strconv, needed
// byte-for-byte in image history entries (`CMD %q`, `VOLUME %v`, ...).

import { goQuote } from '../../util/go-quote.ts';

export { goQuote };

/** `fmt.Sprintf("%q", []string{...})`. */
export function goQuoteList(list: readonly string[] | undefined): string {
  return '[' + (list ?? []).map(goQuote).join(' ') + ']';
}

/** `fmt.Sprintf("%v", []string{...})`. */
export function goList(list: readonly string[] | undefined): string {
  return '[' + (list ?? []).join(' ') + ']';
}

function fmtFrac(v: bigint, prec: number): [string, bigint] {
  // Fraction digits of v / 10^prec with trailing zeros dropped.
  let digits = '';
  let print = false;
  for (let i = 0; i < prec; i++) {
    const d = v % 10n;
    print = print || d !== 0n;
    if (print) digits = d.toString() + digits;
    v /= 10n;
  }
  return [print ? '.' + digits : '', v];
}

/** Go's time.Duration.String for a duration in nanoseconds. */
export function goDuration(nanos: number | bigint): string {
  let u = BigInt(nanos);
  const neg = u < 0n;
  if (neg) u = -u;
  let out: string;
  if (u < 1000000000n) {
    if (u === 0n) return '0s';
    let prec: number;
    let unit: string;
    if (u < 1000n) {
      return (neg ? '-' : '') + u.toString() + 'ns';
    } else if (u < 1000000n) {
      prec = 3;
      unit = 'µs';
    } else {
      prec = 6;
      unit = 'ms';
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = whole.toString() + frac + unit;
  } else {
    const [frac, secsAll] = fmtFrac(u, 9);
    const secs = secsAll % 60n;
    const minsAll = secsAll / 60n;
    out = secs.toString() + frac + 's';
    if (minsAll > 0n) {
      const mins = minsAll % 60n;
      const hours = minsAll / 60n;
      out = mins.toString() + 'm' + out;
      if (hours > 0n) out = hours.toString() + 'h' + out;
    }
  }
  return (neg ? '-' : '') + out;
}
