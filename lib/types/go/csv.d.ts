/** Splits one CSV line into fields; throws e.g. `parse error on line 1, column 3: bare " in non-quoted-field`. */
export declare function splitCsvFields(input: string): string[];
