ARG VERSION=1.2
FROM alpine:3.19
ARG VERSION
RUN echo "building $VERSION"
RUN echo '$VERSION is not expanded in single quotes'
RUN VERSION=2 && echo $VERSION
ENV FLAVOR=x
RUN echo $FLAVOR $HTTP_PROXY
