# parity: --opt ulimit=nofile=1:2:3,nproc
FROM alpine:3.19
RUN true
