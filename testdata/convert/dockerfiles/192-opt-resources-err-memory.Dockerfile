# parity: --opt memory=1g
FROM alpine:3.19
RUN true
