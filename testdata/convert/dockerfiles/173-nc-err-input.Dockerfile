# parity: --opt context:alpine:3.19=input:foo
FROM alpine:3.19
RUN true
