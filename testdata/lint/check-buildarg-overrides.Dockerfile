# check=skip=MaintainerDeprecated
FROM alpine:3.19 AS Build
MAINTAINER x
# lint-args: --build-arg BUILDKIT_DOCKERFILE_CHECK=skip=StageNameCasing
