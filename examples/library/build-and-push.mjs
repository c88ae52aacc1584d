// Builds examples/multistage with the Dockerfile frontend running in this
// process and pushes it: node examples/library/build-and-push.mjs REF
import { connect, build } from 'dockerfile-llb';

const ref = process.argv[2] ?? 'localhost:5000/examples/multistage:lib';
const conn = await connect(); // BUILDKIT_HOST, or unix:///run/buildkit/buildkitd.sock
try {
  const res = await build(conn, {
    context: new URL('../multistage', import.meta.url).pathname,
    tags: [ref],
    push: true,
    buildArgs: { GREETING: 'hello' },
    onProgress: (s) => {
      for (const v of s.vertexes ?? []) if (v.completed) console.error(`${v.cached ? 'CACHED ' : ''}${v.name}`);
    },
  });
  console.log(ref, res.exporterResponse['containerimage.digest']);
} finally {
  conn.close();
}
