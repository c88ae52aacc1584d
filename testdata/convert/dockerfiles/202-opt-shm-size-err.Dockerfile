# parity: --opt shm-size=64m
FROM alpine:3.19
RUN true
