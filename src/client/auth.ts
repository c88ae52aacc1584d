// Registry credentials for the session's Auth service: the Docker CLI's
// configuration as src/registry/credentials.ts reads it (config.json's
// `auths`, `credHelpers`, `credsStore`; Docker Hub as
// https://index.docker.io/v1/), in the shape of Auth.Credentials' answer.
import type { CredentialsResponse } from '../gen/moby.filesync.v1.ts';
import { lookupCredentials } from '../registry/credentials.ts';

/** The answer to Auth.Credentials for a registry host: empty when none are configured. */
export async function credentialsFor(host: string, env: NodeJS.ProcessEnv = process.env): Promise<CredentialsResponse> {
  const c = await lookupCredentials(host, env);
  if (c === undefined) return {};
  // An identity token goes as the secret alone.
  if (c.identityToken) return { Secret: c.secret };
  return { Username: c.username, Secret: c.secret };
}
