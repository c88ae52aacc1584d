# check=skip=MaintainerDeprecated;error=true
FROM alpine:3.19
MAINTAINER x
