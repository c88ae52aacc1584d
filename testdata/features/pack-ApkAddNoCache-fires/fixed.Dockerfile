FROM alpine:3.19
RUN apk add --no-cache curl=8.5.0-r0
RUN apk update && apk add --no-cache --virtual .deps \
    make=4.4.1-r2
