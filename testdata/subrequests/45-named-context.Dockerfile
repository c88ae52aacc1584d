# base can be replaced by a named context
FROM alpine:3.19 AS base
# BASE_ONLY only when base is built
ARG BASE_ONLY=1
RUN --mount=type=secret,id=base_secret true

FROM base AS final
# FINAL_ARG reads the env
ARG FINAL_ARG=${GOPATH:-none}
