FROM alpine:3.19 AS build
USER root
FROM alpine:3.19
USER root
RUN true
USER nobody
