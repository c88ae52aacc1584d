FROM alpine:3.19
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.org>"
MAINTAINER "quoted" $name
