ARG VERSION=1.2
FROM alpine:3.19
# check=skip=GlobalArgNotInScope
RUN echo "building $VERSION"
