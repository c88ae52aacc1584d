ARG TAG=3.19
FROM alpine:$TAG
RUN true
