// dockerui: what upstream's frontend/dockerui does for a Dockerfile build,
// between the converter below and the gateway and CLI above: the frontend
// options (config.ts, options.ts), the build context (context.ts: git and
// HTTP contexts), the .dockerignore (ignore.ts), and the one function that
// turns a config and its ports into the converter's options
// (convert-options.ts).

export { parseConfig, type CacheImport, type FrontendConfig } from './config.ts';
export { parseExtraHosts, parseLinuxResources, parseUlimit, parseUlimits, validateCpuset } from './options.ts';
export { canonicalIP } from '../go/ip.ts';
export { HTTP_CONTEXT_FILENAME, ReadHeadError, dockerfileLocal, gitContext, includedFileLocal, isArchive, isHTTPContext, resolveRemoteContext, scopeToSubDir, type ContextGateway, type DockerfileLocal, type RemoteContext } from './context.ts';
export { DOCKERIGNORE, contextIgnoreSource, dockerIgnorePatterns, readIgnoreFile, type LocalFileReader } from './ignore.ts';
export { convertOptions, type BuildSource, type Ports } from './convert-options.ts';
