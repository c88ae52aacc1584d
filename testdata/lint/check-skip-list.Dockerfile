# check=skip=StageNameCasing, MaintainerDeprecated
FROM alpine:3.19 AS Build
MAINTAINER x
ENV A b
