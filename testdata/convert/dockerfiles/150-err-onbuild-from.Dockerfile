FROM alpine:3.19
ONBUILD FROM busybox
