# A parse error: targets and outline fail with no Dockerfile location
# (the line is in the message only).
FROM alpine:3.19
FORM busybox
