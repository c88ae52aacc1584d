# check=error=true
FROM alpine:3.19 as build
# A some arg
ARG A=1

FROM build
ARG B=2
