# parity: --target nope
FROM alpine:3.19 AS build
RUN true
