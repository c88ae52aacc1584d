FROM alpine:3.19
LABEL maintainer someone
