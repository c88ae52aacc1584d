# check=skip=maintainerdeprecated
FROM alpine:3.19
MAINTAINER x
