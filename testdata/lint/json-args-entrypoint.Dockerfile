FROM alpine:3.19
ENTRYPOINT /bin/app --flag
