FROM busybox:latest AS tools
RUN echo tool > /tool

FROM alpine:3.19
RUN --mount=from=tools,source=/tool,target=/mnt/tool cat /mnt/tool
RUN --mount=type=cache,from=tools,source=/,target=/cache ls /cache
