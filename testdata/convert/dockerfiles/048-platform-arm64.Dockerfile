# parity: --platform linux/arm64
FROM alpine:3.19
RUN uname -m
