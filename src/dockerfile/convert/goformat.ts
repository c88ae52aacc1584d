// Text formats the Go converter produces with fmt verbs and strconv, needed
// byte-for-byte in image history entries (`CMD %q`, `VOLUME %v`, ...).

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's strconv.Quote for a well-formed string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
    } else if (printable.test(ch)) {
      out += ch;
    } else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp === 9) out += '\\t';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

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
