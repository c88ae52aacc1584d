# parity: --build-arg SOURCE_DATE_EPOCH=Not_Valid
FROM alpine:3.19
RUN true
