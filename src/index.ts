// The library entry: `import { connect, build } from 'dockerfile-llb'`.
// connect() reaches buildkitd (BUILDKIT_HOST, or the default socket, or an
// address given); build() runs a Dockerfile build on it with the options of
// the `dockerfile-llb build` command, our frontend running in this process.
export { connect, build, BuildOptionError, ConnectError, CancelledError, Connection } from './client/build.ts';
export type { BuildOptions, BuildResult, ConnectOptions } from './client/build.ts';
export type { StatusResponse, Vertex, VertexStatus, VertexLog, VertexWarning } from './gen/moby.buildkit.v1.ts';
