# deps are installed here
FROM node:20 AS deps
# NPM_REGISTRY npm registry to use
ARG NPM_REGISTRY=https://registry.npmjs.org
RUN --mount=type=secret,id=npm_token,required ls

# cache is another stage
FROM alpine:3.19 AS cachestage
ARG CACHE_ARG=c

FROM node:20 AS app
RUN --mount=type=bind,from=deps,source=/node_modules,target=/node_modules ls
RUN --mount=type=cache,target=/root/.npm,from=cachestage ls
