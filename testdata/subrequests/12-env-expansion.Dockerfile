FROM golang:1.22 AS build
ENV APP_HOME=/app
# DEST derived from ENV
ARG DEST=${APP_HOME}/bin
# GOPATH_COPY derived from the image ENV
ARG GOPATH_COPY=$GOPATH
# NODEF has no default
ARG NODEF
RUN echo $DEST
