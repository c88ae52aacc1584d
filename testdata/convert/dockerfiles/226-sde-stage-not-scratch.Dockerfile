# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM alpine:3.19 AS src
ADD https://example.com/src.tar.gz /src.tar.gz

FROM alpine:3.19
RUN true
