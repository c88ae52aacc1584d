# check=foo=bar
FROM alpine:3.19
