# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
ARG VERSION=1
ADD https://example.com/v${VERSION}.tar.gz /src.tar.gz
RUN true

FROM alpine:3.19
RUN true
