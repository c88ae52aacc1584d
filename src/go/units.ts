// docker/go-units RAMInBytes, used for `RUN --mount=type=tmpfs,size=...`.

import { int64Value } from './strconv.ts';

const binary: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

// The finite numbers Go's strconv.ParseFloat reads: decimal with optional
// exponent, or hexadecimal with a mandatory binary exponent; `_` may
// separate digits. (inf/nan cannot end in a digit, so never reach here.)
const decimalFloat = /^[+-]?(?=\.?[0-9])[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/;
const hexFloat = /^([+-]?)0[xX](?=\.?[0-9a-fA-F])([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;

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

function parseGoFloat(s: string): number | undefined {
  if (s.includes('_') && !underscoresOK(s)) return undefined;
  const plain = s.replace(/_/g, '');
  if (decimalFloat.test(s)) return Number(plain);
  const m = hexFloat.exec(plain);
  if (m === null) return undefined;
  const digits = m[2] + (m[3] ?? '');
  const mantissa = digits === '' ? 0 : parseInt(digits, 16);
  const value = mantissa * 2 ** (Number(m[4]) - 4 * (m[3] ?? '').length);
  return m[1] === '-' ? -value : value;
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
  if (suffix.length > 3) return undefined;
  suffix = suffix.toLowerCase();
  if (suffix[0] === 'b') return suffix.length === 1 ? goFloatToInt64(size) : undefined;
  const mul = binary[suffix[0]];
  if (mul === undefined) return undefined;
  if (suffix.length === 2 && suffix[1] !== 'b') return undefined;
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') return undefined;
  return goFloatToInt64(size * mul);
}
