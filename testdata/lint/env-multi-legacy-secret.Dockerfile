FROM alpine:3.19
ENV PASSWORD secret
