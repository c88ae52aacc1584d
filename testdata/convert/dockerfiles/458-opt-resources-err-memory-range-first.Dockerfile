# parity: --opt memory=99999999999999999999x
FROM alpine:3.19
RUN true
