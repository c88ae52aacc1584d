// A single CSV record, split the way upstream's go-csvvalue does (RFC 4180
// quoting, no lazy quotes), with encoding/csv's error texts.

function byteColumn(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8') + 1;
}

/** Splits one CSV line into fields; throws e.g. `parse error on line 1, column 3: bare " in non-quoted-field`. */
export function splitCsvFields(input: string): string[] {
  let line = input;
  if (line.endsWith('\r\n')) line = line.slice(0, -2);
  else if (line.endsWith('\n')) line = line.slice(0, -1);
  if (line === '') throw new Error('EOF');

  const fields: string[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] !== '"') {
      const comma = line.indexOf(',', pos);
      const field = comma >= 0 ? line.slice(pos, comma) : line.slice(pos);
      const quote = field.indexOf('"');
      if (quote >= 0) {
        throw new Error(`parse error on line 1, column ${byteColumn(line, pos + quote)}: bare " in non-quoted-field`);
      }
      fields.push(field);
      if (comma < 0) return fields;
      pos = comma + 1;
      continue;
    }
    // Quoted field: `""` is a literal quote, the closing quote must end the field.
    pos++;
    let value = '';
    for (;;) {
      const q = line.indexOf('"', pos);
      if (q < 0) {
        throw new Error(`parse error on line 1, column ${byteColumn(line, pos)}: extraneous or missing " in quoted-field`);
      }
      value += line.slice(pos, q);
      pos = q + 1;
      const next = line[pos];
      if (next === '"') {
        value += '"';
        pos++;
        continue;
      }
      if (next === ',') {
        fields.push(value);
        pos++;
        break;
      }
      if (next === undefined) {
        fields.push(value);
        return fields;
      }
      throw new Error(`parse error on line 1, column ${byteColumn(line, pos - 1)}: extraneous or missing " in quoted-field`);
    }
  }
}
