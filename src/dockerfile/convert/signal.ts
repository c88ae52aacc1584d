// STOPSIGNAL validation with the Linux signal names of moby/sys/signal.

const names = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(
    ' ',
  ),
);
for (let i = 1; i <= 15; i++) {
  names.add(`RTMIN+${i}`);
  names.add(`RTMAX-${i}`);
}

/** Throws `invalid signal: x` unless `raw` is a non-zero number or a known name. */
export function validateSignal(raw: string): void {
  if (/^[+-]?\d+$/.test(raw)) {
    if (Number(raw) === 0) throw new Error(`invalid signal: ${raw}`);
    return;
  }
  let name = raw.toUpperCase();
  if (name.startsWith('SIG')) name = name.slice(3);
  if (!names.has(name)) throw new Error(`invalid signal: ${raw}`);
}
