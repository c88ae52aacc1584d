// docker/go-units RAMInBytes, used for `RUN --mount=type=tmpfs,size=...`.

import { int64Value } from './strconv.ts';
import { goToLower } from './strings.ts';
import { bytesOf } from './kept-bytes.ts';

const binary: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

// The numbers Go's strconv.ParseFloat reads: decimal with optional
// exponent, or hexadecimal with a mandatory binary exponent; `_` may
// separate digits. Besides them, inf, infinity (signed or not) and nan (go-units
// hands ParseFloat the text before a space, which can end in a letter).
const decimalFloat = /^[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
const hexFloat = /^([+-]?)0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;
const infinity = /^([+-]?)inf(?:inity)?$/i;
const nan = /^nan$/i;

// Go's underscoreOK: each `_` sits between digits (or after a base prefix).
function underscoresOK(s: string): boolean {
  let body = s.replace(/^[+-]/, '');
  let hex = false;
  let saw = '^';
  if (/^0[xXbBoO]/.test(body)) {
    hex = /^0[xX]/.test(body);
    body = body.slice(2);
    saw = '0';
  }
  for (const ch of body) {
    if ((ch >= '0' && ch <= '9') || (hex && /[a-fA-F]/.test(ch))) saw = '0';
    else if (ch === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * strconv.ParseFloat(s, 64): the number, or undefined where Go returns an
 * error: bad syntax, or a finite text beyond float64's range (ErrRange).
 */
function parseGoFloat(s: string): number | undefined {
  const inf = infinity.exec(s);
  if (inf !== null) return inf[1] === '-' ? -Infinity : Infinity;
  if (nan.test(s)) return NaN;
  if (s.includes('_') && !underscoresOK(s)) return undefined;
  const plain = s.replace(/_/g, '');
  let value: number;
  if (decimalFloat.test(s)) value = Number(plain);
  else {
    const m = hexFloat.exec(plain);
    if (m === null) return undefined;
    const frac = m[3] ?? '';
    value = hexValue(m[2]! + frac, Number(m[4]) - 4 * frac.length);
    if (m[1] === '-') value = -value;
  }
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The float64 nearest to the hexadecimal digits times 2^exp (ties to even),
 * Infinity past the largest: exact whatever the number of digits, as Go's
 * atofHex rounds.
 */
function hexValue(digits: string, exp: number): number {
  const mant = BigInt('0x0' + digits);
  if (mant === 0n) return 0;
  const bits = mant.toString(2).length;
  // The power of two of the leading bit; below 2^-1022 fewer bits are kept (subnormals).
  const top = bits - 1 + exp;
  if (top > 1024) return Infinity;
  // Below half the smallest subnormal (2^-1075, itself a tie that goes to 0): 0.
  if (!(top >= -1075)) return 0;
  const keep = top >= -1022 ? 53 : top + 1075;
  let shift = bits - keep;
  let q = mant;
  if (shift > 0) {
    const s = BigInt(shift);
    const rest = mant & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    q = mant >> s;
    if (rest > half || (rest === half && (q & 1n) === 1n)) q++;
  } else shift = 0;
  // q has at most 54 bits: exact as a number; two steps of scaling keep each step exact.
  const k = exp + shift;
  const half = Math.trunc(k / 2);
  return Number(q) * 2 ** half * 2 ** (k - half);
}

/**
 * Go's int64(x) of a float64 on amd64 (the reference machine's): whole
 * numbers truncated, and anything out of range (or NaN) the "integer
 * indefinite" value, -2^63.
 */
export function goFloatToInt64(x: number): number | bigint {
  if (!(x > -(2 ** 63) - 1024 && x < 2 ** 63)) return -(2n ** 63n);
  return int64Value(BigInt(Math.trunc(x)));
}

/** Bytes for a size like `64m`, `1.5GiB` or `512`; undefined when unparsable. */
export function ramInBytes(text: string): number | bigint | undefined {
  let sep = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if ('0123456789. '.includes(text[i])) {
      sep = i;
      break;
    }
  }
  if (sep < 0) return undefined;
  const num = text[sep] === ' ' ? text.slice(0, sep) : text.slice(0, sep + 1);
  let suffix = text.slice(sep + 1);
  const size = parseGoFloat(num);
  if (size === undefined || size < 0) return undefined;
  if (suffix === '') return goFloatToInt64(size);
  // Go counts the suffix's bytes and lowers it with its own tables (the Kelvin sign is a k).
  if (bytesOf(suffix).length > 3) return undefined;
  suffix = goToLower(suffix);
  if (suffix[0] === 'b') return suffix.length === 1 ? goFloatToInt64(size) : undefined;
  const mul = binary[suffix[0]];
  if (mul === undefined) return undefined;
  if (suffix.length === 2 && suffix[1] !== 'b') return undefined;
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') return undefined;
  return goFloatToInt64(size * mul);
}
