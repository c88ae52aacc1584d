# parity: --build-arg SOURCE_DATE_EPOCH=1700000000
FROM alpine:3.19
WORKDIR /app
ENV X=1
RUN true
