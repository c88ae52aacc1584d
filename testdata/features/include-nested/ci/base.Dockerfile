INCLUDE lib/tools.Dockerfile
FROM alpine:3.19 AS base
COPY --from=tools /bin/tool /usr/bin/tool
