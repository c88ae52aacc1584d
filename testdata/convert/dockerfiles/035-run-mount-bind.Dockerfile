FROM alpine:3.19
RUN --mount=type=bind,source=go.mod,target=/src/go.mod cat /src/go.mod
RUN --mount=target=/ctx ls /ctx
RUN --mount=type=bind,rw,target=/rw touch /rw/x
