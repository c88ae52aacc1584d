// Where the labs channel parts from upstream's labs build by design: the
// stage-scoped args feature (docs/labs.md) accepts a variable in `COPY --from`
// or a mount's `from=`, which upstream refuses. A case is left out of a labs
// parity count only when upstream refuses it so and the Dockerfile has such a
// word (a `$` in a --from= / from= value): a backslash alone uses no variable,
// and there the channels must agree.

/** Upstream's labs errors for what the stage-scoped args feature accepts. */
const REFUSALS = [/variable expansion is not supported for --from\b/, /'from' doesn't support variable expansion/];

/** A `--from=` / `from=` value with a `$` in it. */
const FROM_WITH_DOLLAR = /(?:--from=|\bfrom=)[^\s]*\$/;

/** Whether upstream's answer (`upstream`: its error text, or lines of its answer) is the feature's by-design difference for `dockerfile`. */
export function labsByDesign(upstream: string | readonly string[], dockerfile: string | Uint8Array): boolean {
  const lines = typeof upstream === 'string' ? [upstream] : upstream;
  if (!lines.some((l) => REFUSALS.some((re) => re.test(l)))) return false;
  return FROM_WITH_DOLLAR.test(typeof dockerfile === 'string' ? dockerfile : Buffer.from(dockerfile).toString('latin1'));
}
