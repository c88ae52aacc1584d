# check=error=true
FROM alpine:3.19 AS build
ARG A=1

FROM build
ENV X=$A
