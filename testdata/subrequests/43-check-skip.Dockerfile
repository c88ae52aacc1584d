# check=error=true;skip=FromAsCasing
FROM alpine:3.19 as build
# A some arg
ARG A=1
RUN --mount=type=secret,id=tok true
