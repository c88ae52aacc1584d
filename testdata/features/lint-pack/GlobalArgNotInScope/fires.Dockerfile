ARG VERSION=1.2
ARG FLAVOR
FROM alpine:3.19
RUN echo "building $VERSION" \
    && echo "${FLAVOR:-plain}"
CMD echo $VERSION
