# parity: --opt cpusetcpus=x
FROM alpine:3.19
RUN true
