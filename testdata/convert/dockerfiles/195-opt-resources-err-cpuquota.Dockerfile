# parity: --opt cpuquota=0
FROM alpine:3.19
RUN true
