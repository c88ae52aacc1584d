export interface Credentials {
    username: string;
    /** The password, or the identity (refresh) token when `identityToken` is set. */
    secret: string;
    identityToken?: boolean;
}
/** Looks up the credentials for a registry host (`docker.io` for Docker Hub). */
export type CredentialLookup = (host: string) => Credentials | undefined;
/**
 * The credentials of the Docker CLI's configuration. The file is read once,
 * when first needed; a missing file means no credentials. A helper named for
 * the host (credHelpers) wins over the file's entry, which wins over the
 * default store (credsStore), as in the Docker CLI.
 */
export declare function dockerCredentials(env?: NodeJS.ProcessEnv): CredentialLookup;
