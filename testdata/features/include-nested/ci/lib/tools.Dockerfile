INCLUDE versions.Dockerfile
FROM busybox:latest AS tools
ARG TOOL_VERSION
RUN echo "$TOOL_VERSION" > /bin/tool
