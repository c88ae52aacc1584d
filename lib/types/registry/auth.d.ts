import type { Credentials } from './credentials.js';
export interface Challenge {
    scheme: string;
    params: Record<string, string>;
}
/** Parses a WWW-Authenticate header (RFC 7235 auth-params, quoted or token values). */
export declare function parseChallenges(header: string): Challenge[];
/**
 * Fetches a pull token from the challenge's realm: anonymously, with a user
 * name and password (HTTP basic auth on the GET, as the token spec has it),
 * or with an identity token (an OAuth2 refresh-token grant, POSTed).
 */
export declare function fetchAnonymousToken(challenge: Challenge, scope: string, fetchFn: typeof fetch, creds?: Credentials): Promise<string>;
/** The `Authorization` value of HTTP basic auth. */
export declare function basicAuthorization(creds: Credentials): string;
