# parity: --opt add-hosts=a=010.0.0.1
FROM alpine:3.19
RUN true
