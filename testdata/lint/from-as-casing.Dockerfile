FROM alpine:3.19 as base
RUN true
