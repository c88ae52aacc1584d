# The dockerfile-llb frontend image: Node.js plus the one bundled file
# (npm run build -> dist/dockerfile-llb.js), run by BuildKit as a gateway
# frontend. Build with scripts/frontend-image.sh (context: the repository).
# Build arg CHANNEL=stable|labs picks the syntax channel (see the end).
# NODE_IMAGE: any image with `node` (>= 20) on PATH. Here `node:20` resolves,
# through the daemon's docker.io mirror, to the small runtime image that
# scripts/e2e/publish-base-images.sh publishes as library/node:20.
ARG NODE_IMAGE=node:20
FROM ${NODE_IMAGE}
LABEL moby.buildkit.frontend.network.none="true"
LABEL moby.buildkit.frontend.caps="moby.buildkit.frontend.inputs,moby.buildkit.frontend.subrequests,moby.buildkit.frontend.contexts,moby.buildkit.frontend.gitquerystring"
# The lint pack's shell parser (WebAssembly), loaded beside the bundle when
# the labs channel's --call check runs the pack.
COPY dist/dockerfile-llb.js dist/dockerfile-llb-start.js dist/web-tree-sitter.wasm dist/tree-sitter-bash.wasm /bin/
# The V8 code cache of the bundle, made by this image's own node binary while
# it builds a sample through the gateway against canned answers
# (scripts/start-cached.cjs, `dockerfile-llb rehearse`): each build's
# frontend process then takes ~20 ms less.
RUN node /bin/dockerfile-llb-start.js --make-code-cache </dev/null >/dev/null
ENTRYPOINT ["node", "/bin/dockerfile-llb-start.js", "frontend"]
# The syntax channel: stable (upstream's stable frontend, the default) or labs
# (docs/labs.md). Last, so both channels share every layer above.
ARG CHANNEL=stable
ENV DOCKERFILE_LLB_CHANNEL=${CHANNEL}
LABEL dev.dockerfile-llb.channel=${CHANNEL}
