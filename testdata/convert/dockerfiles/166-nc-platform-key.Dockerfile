# parity: --platform linux/amd64,linux/arm64 --opt context:alpine:3.19::linux/arm64=docker-image://busybox --opt context:alpine:3.19=docker-image://ghcr.io/example/tool:1.0 --opt context:armtools::linux/arm64=docker-image://busybox
# name::os/arch is tried before name; a stage's --platform picks the key.
FROM --platform=linux/arm64 golang:1.22 AS armtools
RUN make

FROM alpine:3.19
COPY --from=armtools /bin /armbin
RUN echo built
