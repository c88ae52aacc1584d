FROM alpine:3.19 AS context
RUN true
