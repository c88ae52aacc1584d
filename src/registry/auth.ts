// Anonymous bearer-token auth, the way public registries expect it: a 401
// carries `WWW-Authenticate: Bearer realm=…,service=…,scope=…`; the client
// asks the realm for a token and retries with `Authorization: Bearer <token>`.

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

/** Fetches an anonymous pull token from the challenge's realm. */
export async function fetchAnonymousToken(
  challenge: Challenge,
  scope: string,
  fetchFn: typeof fetch,
): Promise<string> {
  const realm = challenge.params.realm;
  if (!realm) throw new Error('bearer challenge has no realm');
  const url = new URL(realm);
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  url.searchParams.append('scope', challenge.params.scope || scope);
  const res = await fetchFn(url, { headers: { Accept: 'application/json' } });
  if (!res.ok) {
    throw new Error(`failed to fetch anonymous token: unexpected status from GET request to ${url.origin}${url.pathname}: ${res.status} ${res.statusText}`);
  }
  const body = (await res.json()) as { token?: unknown; access_token?: unknown };
  const token = typeof body.token === 'string' && body.token !== '' ? body.token : body.access_token;
  if (typeof token !== 'string' || token === '') throw new Error('token server returned no token');
  return token;
}
