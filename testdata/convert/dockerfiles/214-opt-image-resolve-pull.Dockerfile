# parity: --opt image-resolve-mode=pull
FROM alpine:3.19 AS a
FROM busybox
COPY --from=a /etc/alpine-release /
COPY --from=ghcr.io/example/tool:1.0 /x /x
