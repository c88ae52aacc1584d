FROM alpine:3.19
ENV FOO=bar
LABEL a=b c=d
