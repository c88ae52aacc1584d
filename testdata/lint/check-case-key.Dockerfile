# CHECK=skip=MaintainerDeprecated
FROM alpine:3.19
MAINTAINER x
