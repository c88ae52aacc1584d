# parity: --opt context:alpine=docker-image://scratch
FROM alpine
COPY a.txt /a.txt
ENV FOO=bar
