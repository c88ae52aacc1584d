FROM alpine:3.19
LABEL org.opencontainers.image.title="demo" version=1.0
LABEL legacy value here
MAINTAINER Jane Doe <jane@example.com>
