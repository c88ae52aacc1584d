FROM alpine:3.19
COPY --link --chmod=a+rx bin /usr/local/bin/
