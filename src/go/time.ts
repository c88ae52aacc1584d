// Go's time.ParseDuration, whose values and error texts HEALTHCHECK flags use,
// time.Duration.String, which image history entries print, and a time.Time
// read from JSON as upstream reads image configs' `created` times: the JSON
// string's bytes, escapes not decoded, read as RFC 3339 by time.Parse, its
// failures in its words ("parsing time "x" as "2006-01-02T15:04:05Z07:00":
// cannot parse "x" as "2006"", "...: month out of range").

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

// ---- time.Time in JSON ----

const RFC3339 = '2006-01-02T15:04:05Z07:00';

class TimeError extends Error {}

function cannotParse(value: string, valueElem: string, layoutElem: string): TimeError {
  return new TimeError(`parsing time ${timeQuote(value)} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
}
function outOfRange(value: string, what: string): TimeError {
  return new TimeError(`parsing time ${timeQuote(value)}: ${what} out of range`);
}

const digitAt = (s: string, i: number): boolean => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * Times parseError accepts whatever the month's length: two-digit fields in
 * range, any fraction, Z or an offset (the year, month and day captured).
 */
const WELL_FORMED = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:[.,]\d+)?(?:Z|[+-]\d\d:\d\d)$/;

/** RFC 3339 as time.Parse(RFC3339, v) reads it: undefined when it parses, else its error. */
function parseError(v: string): TimeError | undefined {
  // The layout's chunks: a literal prefix, then a field.
  const chunks: [string, string][] = [['', '2006'], ['-', '01'], ['-', '02'], ['T', '15'], [':', '04'], [':', '05'], ['', 'Z07:00']];
  let rest = v;
  let month = 0;
  let day = 0;
  let year = 0;
  // getnum: one or two digits (exactly two when fixed).
  const getnum = (fixed: boolean): number | undefined => {
    if (!digitAt(rest, 0)) return undefined;
    if (!digitAt(rest, 1)) {
      if (fixed) return undefined;
      const n = rest.charCodeAt(0) - 0x30;
      rest = rest.slice(1);
      return n;
    }
    const n = Number(rest.slice(0, 2));
    rest = rest.slice(2);
    return n;
  };
  for (const [prefix, std] of chunks) {
    if (prefix !== '') {
      if (!rest.startsWith(prefix)) return cannotParse(v, rest, prefix);
      rest = rest.slice(prefix.length);
    }
    const hold = rest;
    let n: number | undefined;
    switch (std) {
      case '2006':
        if (rest.length < 4 || !/^\d{4}/.test(rest)) return cannotParse(v, hold, std);
        year = Number(rest.slice(0, 4));
        rest = rest.slice(4);
        break;
      case '01':
        n = getnum(true);
        if (n === undefined) return cannotParse(v, hold, std);
        if (n <= 0 || n > 12) return outOfRange(v, 'month');
        month = n;
        break;
      case '02':
        n = getnum(true);
        if (n === undefined) return cannotParse(v, hold, std);
        day = n;
        break;
      case '15':
        n = getnum(false);
        if (n === undefined) return cannotParse(v, hold, std);
        if (n >= 24) return outOfRange(v, 'hour');
        break;
      case '04':
        n = getnum(true);
        if (n === undefined) return cannotParse(v, hold, std);
        if (n >= 60) return outOfRange(v, 'minute');
        break;
      case '05': {
        n = getnum(true);
        if (n === undefined) return cannotParse(v, hold, std);
        if (n >= 60) return outOfRange(v, 'second');
        // A fraction the layout does not mention is read anyway.
        if (rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && digitAt(rest, 1)) {
          let k = 2;
          while (digitAt(rest, k)) k++;
          rest = rest.slice(k);
        }
        break;
      }
      case 'Z07:00':
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':' || (rest[0] !== '+' && rest[0] !== '-') || !/^\d\d$/.test(rest.slice(1, 3)) || !/^\d\d$/.test(rest.slice(4, 6))) {
          return cannotParse(v, hold, std);
        }
        rest = rest.slice(6);
        break;
    }
  }
  if (rest !== '') return new TimeError(`parsing time ${timeQuote(v)}: extra text: ${timeQuote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) return outOfRange(v, 'day');
  return undefined;
}

/**
 * A JSON literal (`"..."` with its escapes as written) as upstream's JSON
 * decoding reads a time.Time: the time as RFC 3339 text with a two-digit
 * hour and at most nine fraction digits, or an Error with Go's message.
 * (Go 1.26's encoding/json, built on json/v2, reads times as time.Parse
 * does: a one-digit hour and a comma before the fraction are accepted.)
 */
export function parseRFC3339(literal: string): string {
  if (literal.length < 2 || literal[0] !== '"' || literal[literal.length - 1] !== '"') {
    throw new TimeError('Time.UnmarshalJSON: input is not a JSON string');
  }
  const b = literal.slice(1, -1);
  // A time written as images write theirs passes Go's checks: one regular
  // expression (native code) and the month's length decide it, without the
  // layout walk (cold code, ~0.1 ms a time in a fresh process).
  const plain = WELL_FORMED.exec(b);
  if (plain === null || Number(plain[3]) > daysIn(Number(plain[2]), Number(plain[1]))) {
    const err = parseError(b);
    if (err !== undefined) throw err;
  }
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d?)(:\d\d:\d\d)(?:[.,](\d+))?(Z|[+-](\d\d):(\d\d))$/.exec(b)!;
  if (m[5] !== 'Z') {
    if (Number(m[6]) >= 24) throw new TimeError(`parsing time ${timeQuote(b)}: time zone offset hour out of range`);
    if (Number(m[7]) >= 60) throw new TimeError(`parsing time ${timeQuote(b)}: time zone offset minute out of range`);
  }
  const frac = m[4] === undefined ? '' : '.' + m[4].slice(0, 9);
  return `${m[1]}T${m[2].padStart(2, '0')}${m[3]}${frac}${m[5]}`;
}
