# parity: --opt ulimit=stack=-1:8192
FROM alpine:3.19
RUN true
