FROM alpine:3.19
# check=skip=ApkAddNoCache
RUN apk add curl=8.5.0-r0
