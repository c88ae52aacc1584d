# check=error=maybe
FROM alpine:3.19
MAINTAINER x
