FROM alpine:3.19
# check=skip=MaintainerDeprecated
MAINTAINER x
MAINTAINER y
