# parity: --opt context:deps=docker-image://ghcr.io/example/tool:1.0 --opt context:busybox=docker-image://alpine:3.19
FROM alpine:3.19
RUN --mount=from=deps,source=/opt/tool,target=/deps ls /deps
RUN --mount=type=cache,from=busybox,target=/cache ls /cache
RUN --mount=from=busybox,target=/bb ls /bb
