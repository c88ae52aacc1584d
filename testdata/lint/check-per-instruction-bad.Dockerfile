FROM alpine:3.19
# check=skip=MaintainerDeprecated;bogus
MAINTAINER x
