# parity: --opt override-copy-image=docker.io/library/alpine
FROM alpine:3.19
COPY a b
