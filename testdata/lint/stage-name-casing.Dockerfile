FROM alpine:3.19 AS Builder
RUN true
