# parity: --opt ulimit=nofile=2048:1024
FROM alpine:3.19
RUN true
