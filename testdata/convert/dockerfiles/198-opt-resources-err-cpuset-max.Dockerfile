# parity: --opt cpusetmems=0,8193
FROM alpine:3.19
RUN true
