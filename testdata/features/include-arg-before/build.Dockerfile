# TOOL names the tool to build.
ARG TOOL=hello
FROM golang:${GO} AS build
ARG GO
ARG TOOL
RUN mkdir /out && echo "go $GO" > /out/${TOOL}
