# parity: --build-arg SOURCE_DATE_EPOCH=yesterday
FROM alpine:3.19
RUN true
