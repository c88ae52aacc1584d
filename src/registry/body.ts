// Reading a registry's response bodies with a bound: a registry (or a token
// server) may send a body without a length that never ends, and fetch's
// arrayBuffer(), text() and json() read until it does.

/** Error texts are read up to this many bytes, as containerd reads them (io.LimitReader of 64000). */
export const ERROR_TEXT_LIMIT = 64000;

/**
 * The body's first bytes, at most `limit` of them; `more` when it goes on
 * past them (the rest is not read: the body is cancelled).
 */
export async function readUpTo(res: Response, limit: number): Promise<{ bytes: Uint8Array; more: boolean }> {
  const reader = res.body?.getReader();
  if (reader === undefined) return { bytes: new Uint8Array(0), more: false };
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
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
  return { bytes: Buffer.concat(chunks, length), more: false };
}

/** A response's error text: its first ERROR_TEXT_LIMIT bytes as UTF-8. */
export async function errorText(res: Response): Promise<string> {
  return new TextDecoder().decode((await readUpTo(res, ERROR_TEXT_LIMIT)).bytes);
}
