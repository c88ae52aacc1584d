# parity: --opt cpusetcpus=3-1
FROM alpine:3.19
RUN true
