// Registry credentials as the Docker CLI stores them (docker/cli configfile,
// credentials): $DOCKER_CONFIG/config.json (default ~/.docker/config.json)
// with a credential helper per registry (`credHelpers`), the default store
// (`credsStore`), or the `auths` entry (base64 `auth`, or username/password,
// or an identity token). A helper is the program `docker-credential-<name>`
// asked with `get`, the server on stdin, answering {"Username": …, "Secret": …}
// (the Username "<token>" marks an identity token). Docker Hub is looked up
// as https://index.docker.io/v1/, as the CLI stores it; `auths` keys written
// as URLs are matched by their host. Used by the registry client (the CLI's
// base image resolution) and by the BuildKit client's session Auth service.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { nodeChildProcess } from '../builtins.ts';

export interface Credentials {
  username: string;
  /** The password, or the identity (refresh) token when `identityToken` is set. */
  secret: string;
  identityToken?: boolean;
}

/** Looks up the credentials for a registry host (`docker.io` for Docker Hub). */
export type CredentialLookup = (host: string) => Promise<Credentials | undefined>;

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface ConfigFile {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

function readConfig(env: NodeJS.ProcessEnv): ConfigFile {
  const path = join(dockerConfigDir(env), 'config.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    return JSON.parse(text) as ConfigFile;
  } catch (e) {
    throw new Error(`reading ${path}: ${(e as Error).message}`);
  }
}

const DOCKER_HUB = 'https://index.docker.io/v1/';

/** The config key of a registry host (the CLI's convention for Docker Hub). */
function configKey(host: string): string {
  return host === 'docker.io' || host === 'registry-1.docker.io' || host === 'index.docker.io' ? DOCKER_HUB : host;
}

/** `auths` keys may be URLs (`https://host/v1/`): compared by host, as the CLI's ConvertToHostname does. */
function hostOf(key: string): string {
  return key.replace(/^https?:\/\//, '').split('/')[0] ?? key;
}

function runHelper(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<{ Username?: string; Secret?: string } | undefined> {
  return new Promise((resolve, reject) => {
    const child = nodeChildProcess().spawn(`docker-credential-${helper}`, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', (e) => reject(new Error(`credential helper docker-credential-${helper}: ${e.message}`)));
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString().trim();
      if (code !== 0) {
        // The helpers' protocol: "credentials not found in native keychain" is an absence, not an error.
        if (/credentials not found/i.test(text)) resolve(undefined);
        else reject(new Error(`credential helper docker-credential-${helper} failed: ${text}`));
        return;
      }
      try {
        resolve(JSON.parse(text) as { Username?: string; Secret?: string });
      } catch {
        reject(new Error(`credential helper docker-credential-${helper} printed no JSON`));
      }
    });
    child.stdin.end(server);
  });
}

/** The credentials configured for a registry host, or undefined for none. */
export async function lookupCredentials(host: string, env: NodeJS.ProcessEnv = process.env): Promise<Credentials | undefined> {
  const cfg = readConfig(env);
  const key = configKey(host);
  const helper = cfg.credHelpers?.[key] ?? cfg.credHelpers?.[host] ?? cfg.credsStore;
  if (helper !== undefined && helper !== '') {
    const c = await runHelper(helper, key, env);
    if (c !== undefined) {
      // A helper's "<token>" user name marks an identity token.
      if (c.Username === '<token>') return { username: '', secret: c.Secret ?? '', identityToken: true };
      return { username: c.Username ?? '', secret: c.Secret ?? '' };
    }
    if (cfg.credHelpers?.[key] !== undefined || cfg.credHelpers?.[host] !== undefined) return undefined;
  }
  const auths = cfg.auths ?? {};
  const entry = auths[key] ?? Object.entries(auths).find(([k]) => hostOf(k) === hostOf(key))?.[1];
  if (entry === undefined) return undefined;
  if (entry.identitytoken) return { username: entry.username ?? '', secret: entry.identitytoken, identityToken: true };
  let username = entry.username ?? '';
  let password = entry.password ?? '';
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString();
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new Error(`invalid auth configuration for ${host} in ${join(dockerConfigDir(env), 'config.json')}`);
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (username === '' && password === '') return undefined;
  return { username, secret: password };
}

/** A lookup over the Docker CLI's configuration that asks once per host. */
export function dockerCredentials(env: NodeJS.ProcessEnv = process.env): CredentialLookup {
  const found = new Map<string, Promise<Credentials | undefined>>();
  return (host) => {
    let p = found.get(host);
    if (p === undefined) {
      p = lookupCredentials(host, env);
      found.set(host, p);
    }
    return p;
  };
}
