# parity: --opt context:final=docker-image://ghcr.io/example/tool:1.0 --target final
FROM alpine:3.19 AS final
RUN echo never runs
LABEL a=b
