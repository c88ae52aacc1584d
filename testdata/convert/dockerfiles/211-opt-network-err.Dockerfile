# parity: --opt force-network-mode=bridge
FROM alpine:3.19
RUN true
