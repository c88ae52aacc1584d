FROM alpine:${TAG}
RUN true
