// STOPSIGNAL validation with the Linux signal names of moby/sys/signal.

import { goParseInt64 } from '../../go/strconv.ts';
import { goToUpper } from '../../go/strings.ts';

const names = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(
    ' ',
  ),
);
// RTMIN+1 to RTMIN+15, but RTMAX-14 to RTMAX-1 only (signal_linux.go's SignalMap).
for (let i = 1; i <= 15; i++) names.add(`RTMIN+${i}`);
for (let i = 1; i <= 14; i++) names.add(`RTMAX-${i}`);

/**
 * Throws `invalid signal: x` unless `raw` is a non-zero number (as
 * strconv.Atoi reads it: an int64) or a known name.
 */
export function validateSignal(raw: string): void {
  let n: bigint | undefined;
  try {
    n = goParseInt64(raw);
  } catch {
    // Not a number to Atoi (beyond int64 too): looked up as a name.
  }
  if (n !== undefined) {
    if (n === 0n) throw new Error(`invalid signal: ${raw}`);
    return;
  }
  let name = goToUpper(raw);
  if (name.startsWith('SIG')) name = name.slice(3);
  if (!names.has(name)) throw new Error(`invalid signal: ${raw}`);
}
