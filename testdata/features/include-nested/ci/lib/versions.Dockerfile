# TOOL_VERSION is the version of the tool.
ARG TOOL_VERSION=1.2.3
