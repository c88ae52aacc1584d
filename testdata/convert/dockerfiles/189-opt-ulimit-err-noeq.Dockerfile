# parity: --opt ulimit=nofile
FROM alpine:3.19
RUN true
