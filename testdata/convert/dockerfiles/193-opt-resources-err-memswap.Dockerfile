# parity: --opt memswap=0 --opt memory=0
FROM alpine:3.19
RUN true
