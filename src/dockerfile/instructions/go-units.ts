// docker/go-units RAMInBytes, used for `RUN --mount=type=tmpfs,size=...`.

const binary: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

// What Go's strconv.ParseFloat accepts in the decimal notation a size can have.
const goDecimalFloat = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Bytes for a size like `64m`, `1.5GiB` or `512`; undefined when unparsable. */
export function ramInBytes(text: string): number | undefined {
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
  if (!goDecimalFloat.test(num)) return undefined;
  const size = Number(num);
  if (size < 0) return undefined;
  if (suffix === '') return Math.trunc(size);
  if (suffix.length > 3) return undefined;
  suffix = suffix.toLowerCase();
  if (suffix[0] === 'b') return suffix.length === 1 ? Math.trunc(size) : undefined;
  const mul = binary[suffix[0]];
  if (mul === undefined) return undefined;
  if (suffix.length === 2 && suffix[1] !== 'b') return undefined;
  if (suffix.length === 3 && suffix.slice(1) !== 'ib') return undefined;
  return Math.trunc(size * mul);
}
