# TOOL_VERSION is the version of the tool.
ARG TOOL_VERSION=1.0
FROM busybox:latest AS build
ARG TOOL_VERSION
ARG V
RUN echo "$TOOL_VERSION ${V:-unset}" > /out
FROM build AS final
RUN --mount=type=secret,id=token cat /run/secrets/token
