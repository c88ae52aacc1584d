// encoding/base64's StdEncoding.Decode, as encoding/json decodes a []byte
// from a JSON string: the standard alphabet, padding required, line feeds
// and carriage returns skipped anywhere, bits after the last byte ignored
// (not Strict), and on bad input Go's CorruptInputError offset (a byte
// offset into the UTF-8 text). Buffer.from(s, 'base64') accepts what Go
// refuses (no padding, spaces, the URL alphabet).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 0x3d;
const isNewline = (c: number | undefined): boolean => c === 0x0a || c === 0x0d;

/** The decoded bytes, or the message of Go's CorruptInputError. */
export function goBase64StdDecode(text: string): Uint8Array | { error: string } {
  const src = Buffer.from(text, 'utf8');
  const out: number[] = [];
  const corrupt = (at: number) => ({ error: `illegal base64 data at input byte ${at}` });
  let si = 0;
  // One quantum (four characters) at a time, as decodeQuantum reads them.
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        // A quantum cut short: padding is required.
        return corrupt(si - j);
      }
      const c = src[si]!;
      si++;
      const v = DECODE[c]!;
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD) return corrupt(si - 1);
      // Padding: the input ends here.
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        // "==" is expected; the first "=" is read.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return corrupt(src.length);
        if (src[si] !== PAD) return corrupt(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]!);
    if (trailing !== undefined) return corrupt(trailing);
    if (dlen < 4) return Uint8Array.from(out);
  }
}
