// The `frontend.caps` option: capabilities a client requires of the frontend
// (upstream's builder.validateCaps). An unsupported one fails the build with
// gRPC Unimplemented and a typed errdefs.FrontendCap detail, unless it is
// marked `+forward`: then the build may still be forwarded to a `# syntax`
// frontend, and fails only if it is not.
import { Code, FrontendError } from './errors.ts';
import { goJSONStringify } from '../go/json.ts';

const SUPPORTED = new Set([
  'moby.buildkit.frontend.inputs',
  'moby.buildkit.frontend.subrequests',
  'moby.buildkit.frontend.contexts',
  'moby.buildkit.frontend.gitquerystring',
]);

/** errdefs.NewUnsupportedFrontendCapError wrapped with codes.Unimplemented. */
export function unsupportedFrontendCap(name: string): FrontendError {
  const value = new TextEncoder().encode(goJSONStringify(name === '' ? {} : { name }));
  return new FrontendError(`unsupported frontend capability ${name}`, Code.Unimplemented, [
    { type_url: 'github.com/moby/buildkit/errdefs.FrontendCap+json', value },
  ]);
}

export interface CapsCheck {
  /** Forwarding to a `# syntax` frontend may still satisfy the request. */
  forward: boolean;
  /** The error to fail with when the build is not forwarded. */
  error: FrontendError | undefined;
}

/**
 * Checks a `frontend.caps` value. Throws at the first unsupported capability
 * without `+forward`; otherwise the error names the last unsupported one.
 * Every comma-separated item counts, an empty one too (as upstream splits).
 */
export function validateCaps(req: string): CapsCheck {
  const out: CapsCheck = { forward: false, error: undefined };
  if (req === '') return out;
  for (const item of req.split(',')) {
    const plus = item.indexOf('+');
    const name = plus < 0 ? item : item.slice(0, plus);
    if (SUPPORTED.has(name)) continue;
    out.error = unsupportedFrontendCap(name);
    if (!item.includes('+forward')) throw out.error;
    out.forward = true;
  }
  return out;
}
