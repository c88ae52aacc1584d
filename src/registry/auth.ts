// Registry auth: a 401 carries `WWW-Authenticate: Bearer realm=…,service=…,scope=…`
// (or `Basic realm=…`); the client asks the realm for a token (anonymously or
// with credentials) and retries with `Authorization: Bearer <token>`.
import { readUpTo } from './body.ts';
import { fetchErrorReason, fetchFollowing } from './http.ts';
import type { Credentials } from './credentials.ts';
import { GoJSONError, goUnmarshal, type GoType } from '../go/unmarshal.ts';

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses a WWW-Authenticate header (RFC 7235 auth-params, quoted or token values). */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && !' \t,="'.includes(header[i])) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skipSpace();
    while (i < n && header[i] === ',') i++;
    skipSpace();
    const scheme = readToken();
    if (scheme === '') break;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    for (;;) {
      skipSpace();
      const save = i;
      const key = readToken();
      skipSpace();
      if (key === '' || header[i] !== '=') {
        i = save; // the next challenge's scheme
        break;
      }
      i++;
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i++];
        }
        i++;
      } else {
        value = readToken();
      }
      challenge.params[key.toLowerCase()] = value;
      skipSpace();
      if (header[i] === ',') i++;
    }
  }
  return out;
}

/**
 * containerd's FetchTokenResponse (GET) and OAuthTokenResponse (POST), the
 * fields a token is read from: a value of the wrong kind, or JSON Go's
 * decoder refuses (nested past 10,000 levels), fails as it fails there.
 */
function tokenResponse(name: string): GoType {
  const string: GoType = { kind: 'string' };
  return {
    kind: 'struct',
    name,
    fields: [
      { json: 'token', type: string },
      { json: 'access_token', type: string },
      { json: 'refresh_token', type: string },
      { json: 'expires_in', type: { kind: 'int', name: 'int' } },
    ],
  };
}

/** The longest token response read (a JWT is a few kilobytes). */
const MAX_TOKEN_RESPONSE = 1 << 20;

/**
 * Fetches a pull token from the challenge's realm: anonymously, with a user
 * name and password (HTTP basic auth on the GET, as the token spec has it),
 * or with an identity token (an OAuth2 refresh-token grant, POSTed).
 */
export async function fetchAnonymousToken(
  challenge: Challenge,
  scope: string,
  fetchFn: typeof fetch,
  creds?: Credentials,
): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new Error('bearer challenge has no realm');
  const kind = creds ? 'token' : 'anonymous token';
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    // Go parses it as a relative URL, and the request cannot be sent.
    throw new Error(`failed to fetch ${kind}: Get "${realm}": unsupported protocol scheme ""`);
  }
  const wanted = challenge.params.scope || scope;
  const failed = (err: unknown): Promise<never> => Promise.reject(new Error(`failed to fetch ${kind}: ${(err as Error).message}`));
  let res: Response;
  if (creds?.identityToken) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.secret, client_id: 'dockerfile-llb', scope: wanted });
    if (challenge.params.service) form.set('service', challenge.params.service);
    res = await fetchFollowing(fetchFn, url.href, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form }).catch(failed);
  } else {
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.append('scope', wanted);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (creds) headers.Authorization = basicAuthorization(creds);
    res = await fetchFollowing(fetchFn, url.href, { headers }).catch(failed);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`failed to fetch ${kind}: unexpected status from ${creds?.identityToken ? 'POST' : 'GET'} request to ${url.origin}${url.pathname}: ${res.status} ${res.statusText}`);
  }
  // A token is a few kilobytes; a body that goes on past this is no token response.
  const undecoded = (why: string): Error => new Error(`failed to fetch ${kind}: unable to decode token response: ${why}`);
  const { bytes, more } = await readUpTo(res, MAX_TOKEN_RESPONSE).catch((err: unknown) => Promise.reject(undecoded(fetchErrorReason(err))));
  if (more) throw new Error(`token server's response is larger than ${MAX_TOKEN_RESPONSE} bytes`);
  let body: { token?: string; access_token?: string };
  try {
    body = (goUnmarshal(new TextDecoder().decode(bytes), tokenResponse(creds?.identityToken ? 'auth.OAuthTokenResponse' : 'auth.FetchTokenResponse')) ?? {}) as typeof body;
  } catch (err) {
    if (err instanceof GoJSONError) throw undecoded(err.message);
    throw err;
  }
  const token = body.token !== undefined && body.token !== '' ? body.token : body.access_token;
  if (typeof token !== 'string' || token === '') throw new Error('token server returned no token');
  return token;
}

/** The `Authorization` value of HTTP basic auth. */
export function basicAuthorization(creds: Credentials): string {
  return `Basic ${Buffer.from(`${creds.username}:${creds.secret}`).toString('base64')}`;
}
