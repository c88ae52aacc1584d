# The dockerfile-llb frontend image: the node binary, the shared libraries it
# loads, the one bundled file (npm run build -> dist/dockerfile-llb-bundle.js),
# its entry point (dist/dockerfile-llb.js) and V8 code cache, on an empty
# base; BuildKit runs it as a gateway frontend.
# Build with scripts/frontend-image.sh (context: the repository).
# Build arg CHANNEL=stable|labs picks the syntax channel (see the end).
#
# NODE_IMAGE: any image with node (>= 20) at /usr/local/bin/node or on PATH,
# laid out as the official ones are (node:20-bookworm-slim by default; here it
# resolves, through the daemon's docker.io mirror, to the stand-in that
# scripts/e2e/publish-base-images.sh publishes under that name). Only its node
# binary and the libraries that binary loads are kept: no shell, no npm.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS node
COPY scripts/node-rootfs.cjs /node-rootfs.cjs
# Exec form: the base needs no shell, only node.
RUN ["node", "/node-rootfs.cjs", "/rootfs"]

FROM scratch
COPY --from=node /rootfs/ /
# The lint pack's shell parser (WebAssembly) sits beside the bundle; the labs
# channel's --call check loads it when the pack runs.
COPY dist/dockerfile-llb.js dist/dockerfile-llb-bundle.js dist/dockerfile-llb-core.js dist/web-tree-sitter.wasm dist/tree-sitter-bash.wasm /bin/
ENV PATH=/usr/local/bin:/bin
LABEL moby.buildkit.frontend.network.none="true"
LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"
# The V8 code cache of the bundle (/bin/dockerfile-llb.cache), made by this
# image's own node binary while it builds a sample through the gateway
# against canned answers (the entry point scripts/launcher.cjs, `dockerfile-llb
# rehearse`): each build's frontend process then takes ~20 ms less. It is
# also the check that node runs on this otherwise empty root. The entry point
# writes the HTTP/2 preface before it loads the bundle (src/frontend/preface.ts).
RUN ["/usr/local/bin/node", "/bin/dockerfile-llb.js", "--make-code-cache"]
ENTRYPOINT ["/usr/local/bin/node", "/bin/dockerfile-llb.js", "frontend"]
# The syntax channel: stable (upstream's stable frontend, the default) or labs
# (docs/labs.md). Last, so both channels share every layer above.
ARG CHANNEL=stable
ENV DOCKERFILE_LLB_CHANNEL=${CHANNEL}
LABEL dev.dockerfile-llb.channel=${CHANNEL}
