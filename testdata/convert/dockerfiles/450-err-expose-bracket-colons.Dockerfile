FROM alpine:3.19
# A colon after the bracket that is not the last: too many colons for net.SplitHostPort.
EXPOSE [::1]:9:8080:80
