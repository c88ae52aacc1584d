// Errors raised while building or marshaling LLB. Each carries a code so a
// caller can tell kinds apart without matching message text; the messages
// follow BuildKit's client/llb wording where it has one.

export type LLBErrorCode =
  | 'invalid-state' // a state or option that can never marshal (empty args, missing cwd, ...)
  | 'invalid-mount' // a mount that cannot be used as asked (tmpfs with a source, no output, ...)
  | 'invalid-reference' // an image or blob reference that does not parse
  | 'invalid-definition'; // bytes that are not a marshaled pb.Definition

/** An error in the use of the LLB SDK, reported before (or instead of) marshaling. */
export class LLBError extends Error {
  override readonly name = 'LLBError';
  constructor(
    readonly code: LLBErrorCode,
    message: string,
  ) {
    super(message);
  }
}
