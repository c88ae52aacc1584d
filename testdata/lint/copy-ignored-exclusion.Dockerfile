FROM alpine:3.19
COPY secret.txt /
