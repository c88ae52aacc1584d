# parity: --opt force-network-mode=none
FROM alpine:3.19
RUN true
RUN --network=host true
RUN --network=default true
