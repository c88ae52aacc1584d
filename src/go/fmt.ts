// Go's fmt verbs on string lists, needed byte-for-byte in image history
// entries (`CMD %q`, `VOLUME %v`, ...).

import { goQuote } from './strconv.ts';

/** `fmt.Sprintf("%q", []string{...})`. */
export function goQuoteList(list: readonly string[] | undefined): string {
  return '[' + (list ?? []).map(goQuote).join(' ') + ']';
}

/** `fmt.Sprintf("%v", []string{...})`. */
export function goList(list: readonly string[] | undefined): string {
  return '[' + (list ?? []).join(' ') + ']';
}
