// Reading a registry's response bodies with a bound: a registry (or a token
// server) may send a body without a length that never ends, and fetch's
// arrayBuffer(), text() and json() read until it does. And with a deadline:
// undici gives up on a body after 300 s without a byte, but one that sends a
// byte every few seconds goes on for weeks (4 MiB at a byte a second is 48
// days; containerd's client has no deadline either and waits as long). A
// body must be complete within the same 300 s of its headers.

/** Error texts are read up to this many bytes, as containerd reads them (io.LimitReader of 64000). */
export const ERROR_TEXT_LIMIT = 64000;

/** How long a body may take to arrive, from its headers (undici's own body timeout, between two chunks). */
export const BODY_DEADLINE_MS = 300_000;

/** A body not complete by its deadline. */
export class BodyDeadlineError extends Error {
  constructor(ms: number) {
    super(`body not complete after ${ms / 1000} s`);
    this.name = 'BodyDeadlineError';
  }
}

/**
 * The body's first bytes, at most `limit` of them; `more` when it goes on
 * past them (the rest is not read: the body is cancelled). A body that has
 * not ended (or reached the limit) `deadlineMs` after this call is cancelled
 * and a BodyDeadlineError thrown.
 */
export async function readUpTo(res: Response, limit: number, deadlineMs = BODY_DEADLINE_MS): Promise<{ bytes: Uint8Array; more: boolean }> {
  const reader = res.body?.getReader();
  if (reader === undefined) return { bytes: new Uint8Array(0), more: false };
  let late = false;
  // Cancelling ends the read in progress (it resolves as done); `late` tells that end from the body's.
  const timer = setTimeout(() => {
    late = true;
    reader.cancel().catch(() => undefined);
  }, deadlineMs);
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (late) throw new BodyDeadlineError(deadlineMs);
      if (done) break;
      if (length + value.length > limit) {
        chunks.push(value.subarray(0, limit - length));
        length = limit;
        await reader.cancel();
        return { bytes: Buffer.concat(chunks, length), more: true };
      }
      chunks.push(value);
      length += value.length;
    }
  } finally {
    clearTimeout(timer);
  }
  return { bytes: Buffer.concat(chunks, length), more: false };
}

/** A response's error text: its first ERROR_TEXT_LIMIT bytes as UTF-8. */
export async function errorText(res: Response): Promise<string> {
  return new TextDecoder().decode((await readUpTo(res, ERROR_TEXT_LIMIT)).bytes);
}
