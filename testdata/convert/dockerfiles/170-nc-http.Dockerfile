# parity: --opt context:archive=https://example.com/src.tar.gz --opt context:plain=http://example.com/file.txt
FROM alpine:3.19
COPY --from=archive /context /src.tar.gz
RUN --mount=from=plain,target=/dl cat /dl/context
