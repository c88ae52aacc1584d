FROM alpine:3.19
ARG CACHE=/root/.cache
RUN --mount=type=cache,target=$CACHE,id=${CACHE}-id ls
