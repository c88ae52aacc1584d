# parity: --opt context:unused=docker-image://ghcr.io/example/tool:1.0 --opt context:scratch=docker-image://busybox --opt context:context=docker-image://busybox
# Contexts nothing refers to, and the names that never name a context.
FROM scratch AS unused
COPY . /
FROM alpine:3.19
COPY --from=unused / /u
