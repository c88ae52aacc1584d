// Where the labs channel parts from upstream's labs build by design: the
// stage-scoped args feature (docs/labs.md) accepts a variable in `COPY --from`
// or a mount's `from=`, which upstream refuses, and names the line of such a
// word whose expansion fails, where upstream names none. A case is left out of
// a labs parity count only when upstream answers so and the Dockerfile has
// such a word (a `$` in a --from= / from= value): a backslash alone uses no
// variable, and there the channels must agree.

/** Upstream's labs errors for what the stage-scoped args feature accepts. */
const REFUSALS = [/variable expansion is not supported for --from\b/, /'from' doesn't support variable expansion/];

/** The `--from=` / `from=` values with a `$` in them. */
const FROM_WITH_DOLLAR = /(?:--from=|\bfrom=)([^\s,]*\$[^\s,]*)/g;

/**
 * Whether upstream's answer (`upstream`: its error text, or lines of its
 * answer) is the feature's by-design difference for `dockerfile`: upstream
 * refuses a variable there, or fails to expand such a word (`failed to
 * process "WORD"`), which the feature reports with the line (docs/labs.md).
 */
export function labsByDesign(upstream: string | readonly string[], dockerfile: string | Uint8Array): boolean {
  const text = typeof dockerfile === 'string' ? dockerfile : Buffer.from(dockerfile).toString('latin1');
  const words = [...text.matchAll(FROM_WITH_DOLLAR)].map((m) => m[1]!);
  if (words.length === 0) return false;
  const lines = typeof upstream === 'string' ? [upstream] : upstream;
  // The word as upstream's message writes it, and as a JSON answer escapes it.
  const failed = words.flatMap((w) => [`failed to process "${w}"`, `failed to process \\"${JSON.stringify(w).slice(1, -1)}\\"`]);
  return lines.some((l) => REFUSALS.some((re) => re.test(l)) || failed.some((f) => l.includes(f)));
}
