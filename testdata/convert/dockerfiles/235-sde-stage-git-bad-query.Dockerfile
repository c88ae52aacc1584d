# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
ADD git://example.com/repo.git?color=blue /src

FROM alpine:3.19
RUN true
