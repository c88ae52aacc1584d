// STOPSIGNAL validation with the Linux signal names of moby/sys/signal.

import { goToUpper } from '../../go/strings.ts';

const names = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(
    ' ',
  ),
);
for (let i = 1; i <= 15; i++) {
  names.add(`RTMIN+${i}`);
  names.add(`RTMAX-${i}`);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Throws `invalid signal: x` unless `raw` is a non-zero number (as
 * strconv.Atoi reads it: an int64) or a known name.
 */
export function validateSignal(raw: string): void {
  if (/^[+-]?\d+$/.test(raw)) {
    const n = BigInt(raw);
    if (n !== 0n && n >= INT64_MIN && n <= INT64_MAX) return;
    // 0 is refused; beyond int64 Atoi fails and the number is looked up as a name.
    if (n === 0n) throw new Error(`invalid signal: ${raw}`);
  }
  let name = goToUpper(raw);
  if (name.startsWith('SIG')) name = name.slice(3);
  if (!names.has(name)) throw new Error(`invalid signal: ${raw}`);
}
