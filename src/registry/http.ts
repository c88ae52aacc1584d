// A registry request as Go's http.Client sends it for containerd: redirects
// followed by hand, at most 10 of them (containerd's CheckRedirect: "stopped
// after 10 redirects", fetch's own limit is 20), and a failure worded as Go's
// *url.Error is: `Get "<url>": <reason>`.

/** containerd's CheckRedirect refuses the 10th redirect (len(via) >= 10). */
export const MAX_REDIRECTS = 10;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A request that got no response: the text is Go's url.Error, `Get "<url>": <reason>`. */
export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** Why fetch failed: its own message is "fetch failed" or "terminated", the reason is its cause. */
export function fetchErrorReason(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } } | undefined;
  return e?.cause?.message ?? e?.message ?? String(err);
}

/** Go's method name in a url.Error: "Get", "Post". */
function opName(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

/**
 * fetch with Go's redirect rules: 301, 302 and 303 turn a POST into a GET
 * without its body, 307 and 308 repeat it; the Authorization header goes only
 * to the host it was meant for (Go drops it for another domain); a redirect
 * without a Location is the response. Throws a RequestError when no response
 * comes or on the 10th redirect.
 */
export async function fetchFollowing(fetchFn: typeof fetch, url: string, init: RequestInit = {}): Promise<Response> {
  let current = new URL(url);
  let method = init.method ?? 'GET';
  let body = init.body;
  const headers = new Headers(init.headers);
  const host = current.host;
  for (let redirects = 0; ; redirects++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new RequestError(`${opName(method)} "${current.href}": unsupported protocol scheme "${current.protocol.slice(0, -1)}"`);
    }
    let res: Response;
    try {
      res = await fetchFn(current.href, { ...init, method, body, headers, redirect: 'manual' });
    } catch (err) {
      throw new RequestError(`${opName(method)} "${current.href}": ${fetchErrorReason(err)}`);
    }
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || location === null) return res;
    await res.body?.cancel();
    // Go reports the Location as the server wrote it.
    if (redirects + 1 >= MAX_REDIRECTS) throw new RequestError(`${opName(method)} "${location}": stopped after ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new RequestError(`${opName(method)} "${current.href}": failed to parse Location header "${location}"`);
    }
    if (res.status <= 303 && method !== 'GET' && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
      headers.delete('content-type');
    }
    if (next.host !== host) headers.delete('authorization');
    current = next;
  }
}
