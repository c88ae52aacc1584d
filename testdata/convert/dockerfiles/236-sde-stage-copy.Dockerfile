# parity: --build-arg SOURCE_DATE_EPOCH=src
FROM scratch AS src
COPY --from=alpine:3.19 /etc/os-release /

FROM alpine:3.19
RUN true
