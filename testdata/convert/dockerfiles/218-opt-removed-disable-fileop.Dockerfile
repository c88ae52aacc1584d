# parity: --build-arg BUILDKIT_DISABLE_FILEOP=1
FROM alpine:3.19
COPY a b
