// COPY/ADD --chmod: an octal mode, or a symbolic mode (`u+x,g-w`) checked
// with the grammar of the chmod(1)-style parser upstream uses.

export type Chmod = { mode: number } | { modeStr: string };

/** Whether `s` is a valid symbolic mode (who* (op perm*)+ [, ...]). */
function validSymbolic(s: string): boolean {
  let i = 0;
  for (;;) {
    while (i < s.length && 'augo'.includes(s[i])) i++;
    if (i >= s.length) return false;
    for (;;) {
      const op = s[i++];
      if (op !== '+' && op !== '-' && op !== '=') return false;
      while (i < s.length && 'rstwXxugo'.includes(s[i])) i++;
      if (i >= s.length) return true;
      if (s[i] === ',') break;
    }
    i++;
  }
}

export function parseChmod(value: string): Chmod {
  // Made only when thrown: capturing a stack per COPY is costly.
  const nonOctal = (): Error => new Error(`invalid chmod parameter: '${value}'. it should be octal string and between 0 and 07777`);
  if (/^[0-7]+$/.test(value)) {
    const n = parseInt(value, 8);
    if (n > 0o7777 || n > 0xffffffff) throw nonOctal();
    return { mode: n };
  }
  if (value !== '' && value[0] >= '0' && value[0] <= '9') {
    // Numeric-looking but not octal: upstream reports the octal error.
    throw nonOctal();
  }
  if (!validSymbolic(value)) throw new Error('invalid syntax');
  return { modeStr: value };
}
