FROM alpine:3.19
RUN apk add curl=8.5.0-r0
RUN apk update && apk add --virtual .deps \
    make=4.4.1-r2
