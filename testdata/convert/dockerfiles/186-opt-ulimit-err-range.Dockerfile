# parity: --opt ulimit=nproc=1:9223372036854775808
FROM alpine:3.19
RUN true
