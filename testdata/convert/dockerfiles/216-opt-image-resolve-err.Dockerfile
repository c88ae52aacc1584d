# parity: --opt image-resolve-mode=always
FROM alpine:3.19
RUN true
