# parity: --opt cpushares=-1
FROM alpine:3.19
RUN true
