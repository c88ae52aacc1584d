# parity: --opt ulimit=foo=1
FROM alpine:3.19
RUN true
