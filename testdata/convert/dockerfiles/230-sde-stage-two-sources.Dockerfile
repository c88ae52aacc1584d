# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
ADD https://example.com/a.tar.gz https://example.com/b.tar.gz /out/

FROM alpine:3.19
RUN true
