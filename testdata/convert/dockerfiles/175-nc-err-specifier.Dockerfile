# parity: --opt context:build=justaname
FROM alpine:3.19 AS build
FROM build
RUN true
