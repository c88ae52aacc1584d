# parity: --opt force-network-mode=host
FROM alpine:3.19
RUN true
