# parity: --target buidl
FROM alpine:3.19 AS build
RUN true
