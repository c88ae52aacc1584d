# parity: --opt memory=268435456 --opt cpusetcpus=
FROM alpine:3.19
RUN true
