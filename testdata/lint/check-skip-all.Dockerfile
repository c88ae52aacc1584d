# check=skip=all
FROM alpine:3.19 AS Build
MAINTAINER x
