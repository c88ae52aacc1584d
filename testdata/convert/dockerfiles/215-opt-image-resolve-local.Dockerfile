# parity: --opt image-resolve-mode=local
FROM alpine:3.19
RUN true
