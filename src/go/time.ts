// Go's time.ParseDuration, whose values and error texts HEALTHCHECK flags use,
// and time.Duration.String, which image history entries print.

const unitNanos: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n, // U+00B5 micro sign
  'μs': 1000n, // U+03BC Greek mu
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};

const limit = 1n << 63n;

/** Go's time package quoting: non-ASCII and control bytes become \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const byte of Buffer.from(s, 'utf8')) {
    if (byte >= 0x80 || byte < 0x20) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else {
      const ch = String.fromCharCode(byte);
      out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
    }
  }
  return out + '"';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Parses a Go duration such as `1m30s` into nanoseconds; throws Go's error text. */
export function parseGoDuration(text: string): bigint {
  const fail = (what: string): never => {
    throw new Error(`time: ${what} ${timeQuote(text)}`);
  };
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') fail('invalid duration');
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) fail('invalid duration');
    let i = 0;
    let whole = 0n;
    while (isDigit(s[i])) {
      whole = whole * 10n + BigInt(s.charCodeAt(i) - 48);
      if (whole > limit) fail('invalid duration');
      i++;
    }
    const hadWhole = i > 0;
    s = s.slice(i);
    let frac = 0n;
    let scale = 1;
    let hadFrac = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(s[j])) {
        if (!overflow) {
          const next = frac * 10n + BigInt(s.charCodeAt(j) - 48);
          if (frac > (limit - 1n) / 10n || next > limit) overflow = true;
          else {
            frac = next;
            scale *= 10;
          }
        }
        j++;
      }
      hadFrac = j > 0;
      s = s.slice(j);
    }
    if (!hadWhole && !hadFrac) fail('invalid duration');
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) fail('missing unit in duration');
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = unitNanos[unitName];
    if (unit === undefined) fail(`unknown unit ${timeQuote(unitName)} in duration`);
    if (whole > limit / unit) fail('invalid duration');
    let v = whole * unit;
    if (frac > 0n) {
      // Go computes the fractional part in float64, truncating toward zero.
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > limit) fail('invalid duration');
    }
    total += v;
    if (total > limit) fail('invalid duration');
  }
  if (negative) return -total;
  if (total > limit - 1n) fail('invalid duration');
  return total;
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
