# parity: --build-arg SOURCE_DATE_EPOCH=src --build-arg SUM=sha256:abc
FROM scratch AS src
ARG SUM
ADD --checksum=${SUM} https://example.com/a.tar.gz /a

FROM alpine:3.19
RUN true
