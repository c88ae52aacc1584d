// `RUN --device=<name>[,required[=bool]]` (upstream's ParseDevice).

import { splitCsvFields } from '../../go/csv.ts';
import { parseGoBool } from '../../go/strconv.ts';
import { withSuggestion } from './suggest.ts';
import type { Device } from './types.ts';
import { goToLower } from '../../go/strings.ts';

export function parseDevice(spec: string): Device {
  let fields: string[];
  try {
    fields = splitCsvFields(spec);
  } catch (err) {
    throw new Error(`failed to parse csv devices: ${(err as Error).message}`);
  }
  const d: Device = { name: '', required: false };
  for (const field of fields) {
    const eq = field.indexOf('=');
    const key = goToLower(eq < 0 ? field : field.slice(0, eq));
    const value = eq < 0 ? '' : field.slice(eq + 1);

    if (eq < 0) {
      if (key === 'required') {
        d.required = true;
        continue;
      }
      // The first bare field is the device name.
      if (d.name === '') {
        d.name = field;
        continue;
      }
      throw new Error(`invalid field '${field}' must be a key=value pair`);
    }

    switch (key) {
      case 'name':
        if (d.name !== '') throw new Error(`device name already set to ${d.name}`);
        d.name = value;
        break;
      case 'required': {
        const b = parseGoBool(value);
        if (b === undefined) throw new Error(`invalid value for ${key}: ${value}`);
        d.required = b;
        break;
      }
      default:
        // Names such as `vendor.com/class=foo` contain `=` themselves.
        if (d.name === '') {
          d.name = field;
          break;
        }
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, ['name', 'required'], true));
    }
  }
  return d;
}
