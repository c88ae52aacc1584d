// A practice build of the gateway frontend, inside this process:
// `dockerfile-llb rehearse`. scripts/launcher.cjs runs it when the
// frontend image's V8 code cache is made, so the cache holds what a real
// build runs — the gRPC client's call path, message encoding and decoding,
// the build of a sample Dockerfile — and a real build compiles less.
//
// The other end of the connection is a small HTTP/2 server in this process
// that answers each LLBBridge method with one fixed kind of answer: every
// capability enabled, no inputs, a fresh ref for each Solve, the sample
// Dockerfile for a ReadFile of `Dockerfile` (NotFound for any other file),
// one image config for every image. It stands in for BuildKit only here;
// the tests run the frontend against the real daemon.
import { createServer, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import { Duplex, PassThrough } from 'node:stream';
import { Caps as LLBCaps } from '../llb/caps.ts';
import { encodeMessage } from '../protobuf/encode.ts';
import { decodeMessage } from '../protobuf/decode.ts';
import type { MessageDesc } from '../protobuf/registry.ts';
import * as gw from '../gen/moby.buildkit.v1.frontend.ts';
import { runGateway } from './main.ts';

/** The sample: stages, build args, COPY from the context and --from, mounts, a heredoc, and a FromAsCasing warning (a Warn call). */
const REHEARSAL_DOCKERFILE = `# the sample of dockerfile-llb rehearse
ARG BASE=busybox
FROM \${BASE} as base
ARG VERSION=1.0
ENV APP_HOME=/app PATH=/usr/local/bin:/usr/bin:/bin
WORKDIR $APP_HOME
COPY --chmod=644 . ./src/
ADD --link vendor.tar /app/vendor/
RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=token,required=false \\
    echo "building $VERSION" > /app/version
RUN <<EOT
set -e
echo done > /app/done
EOT

FROM base AS test
RUN --mount=type=bind,from=base,source=/app,target=/src --mount=type=tmpfs,target=/tmp ["/bin/ls", "/src"]

FROM busybox
LABEL org.opencontainers.image.version=$VERSION
COPY --from=base --link /app/ /app/
USER 1000:1000
EXPOSE 8080/tcp
HEALTHCHECK --interval=30s CMD ["true"]
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["cat /app/version"]
`;

const IMAGE_CONFIG = new TextEncoder().encode(JSON.stringify({
  architecture: 'amd64',
  os: 'linux',
  config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], Cmd: ['sh'] },
  rootfs: { type: 'layers', diff_ids: ['sha256:' + '1'.repeat(64)] },
}));
const IMAGE_DIGEST = 'sha256:' + '2'.repeat(64);

const GATEWAY_CAPS = ['frontend.inputs', 'source.metaresolver', 'readfile', 'readdir', 'statfile', 'resolveimage', 'resolveimage.resolvemode', 'solve.base', 'gateway.warnings', 'return'];

/** One call's answer: a message, or a failure with its gRPC code. */
export type Answer = { message: Uint8Array } | { code: number; text: string };

function answer<T>(desc: MessageDesc<T>, value: T): Answer {
  return { message: encodeMessage(desc, value) };
}

/** The fixed answer to one call; a Return's request is kept in `state.returned`. */
export function answerFor(method: string, body: Uint8Array, state: { refs: number; returned?: gw.ReturnRequest }): Answer {
  switch (method) {
    case 'Ping':
      return answer(gw.PongResponse, {
        FrontendAPICaps: GATEWAY_CAPS.map((ID) => ({ ID, Enabled: true })),
        LLBCaps: Object.values(LLBCaps).map((ID) => ({ ID, Enabled: true })),
      });
    case 'Inputs':
      return answer(gw.InputsResponse, {});
    case 'Solve':
      return answer(gw.SolveResponse, { result: { result: { case: 'ref', value: { id: `rehearsal-${++state.refs}` } } } });
    case 'ReadFile': {
      const req = decodeMessage(gw.ReadFileRequest, body);
      if (req.FilePath === 'Dockerfile') return answer(gw.ReadFileResponse, { Data: new TextEncoder().encode(REHEARSAL_DOCKERFILE) });
      return { code: 5, text: `open ${req.FilePath ?? ''}: no such file or directory` };
    }
    case 'ResolveSourceMeta': {
      const req = decodeMessage(gw.ResolveSourceMetaRequest, body);
      return answer(gw.ResolveSourceMetaResponse, { Source: req.Source, Image: { Digest: IMAGE_DIGEST, Config: IMAGE_CONFIG } });
    }
    case 'ResolveImageConfig': {
      const req = decodeMessage(gw.ResolveImageConfigRequest, body);
      return answer(gw.ResolveImageConfigResponse, { Ref: req.Ref, Digest: IMAGE_DIGEST, Config: IMAGE_CONFIG });
    }
    case 'Warn':
      return answer(gw.WarnResponse, {});
    case 'Return':
      state.returned = decodeMessage(gw.ReturnRequest, body);
      return answer(gw.ReturnResponse, {});
    default:
      return { code: 12, text: `${method} is not part of the rehearsal` };
  }
}

function respond(stream: ServerHttp2Stream, a: Answer): void {
  if ('code' in a) {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(a.code), 'grpc-message': encodeURIComponent(a.text) }, { endStream: true });
    return;
  }
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
  const frame = Buffer.alloc(5 + a.message.length); // not compressed, 4-byte big-endian length
  frame.writeUInt32BE(a.message.length, 1);
  frame.set(a.message, 5);
  stream.end(frame);
}

/** How the rehearsal went: the methods the frontend called, in order, and its failure if any. */
export interface Rehearsal {
  calls: string[];
  /** Undefined when the frontend returned a result. */
  error?: string;
}

/** Runs the gateway frontend once against the canned answers. */
export async function rehearse(): Promise<Rehearsal> {
  const toFrontend = new PassThrough();
  const toDaemon = new PassThrough();
  const state: { refs: number; returned?: gw.ReturnRequest } = { refs: 0 };
  const calls: string[] = [];
  const server = createServer();
  const sessions: ServerHttp2Session[] = [];
  server.on('session', (s) => sessions.push(s));
  server.on('stream', (stream, headers) => {
    const method = String(headers[':path'] ?? '').split('/').pop() ?? '';
    calls.push(method);
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => respond(stream, answerFor(method, Buffer.concat(chunks).subarray(5), state)));
  });
  server.emit('connection', Duplex.from({ readable: toDaemon, writable: toFrontend }));

  const code = await runGateway({ input: toFrontend, output: toDaemon, env: { BUILDKIT_SESSION_ID: 'rehearsal' } });
  for (const s of sessions) s.destroy();
  toFrontend.destroy();
  toDaemon.destroy();
  if (code !== 0) return { calls, error: `the frontend exited with ${code}` };
  if (state.returned?.result === undefined) return { calls, error: state.returned?.error?.message ?? 'nothing was returned' };
  return { calls };
}
