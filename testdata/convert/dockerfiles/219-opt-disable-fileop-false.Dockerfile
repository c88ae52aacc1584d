# parity: --build-arg BUILDKIT_DISABLE_FILEOP=false --opt override-copy-image=
FROM alpine:3.19
COPY a b
