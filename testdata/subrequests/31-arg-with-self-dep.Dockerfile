# BASEV base
ARG BASEV=3.19
# V first
ARG V=${BASEV}
# V again, from itself
ARG V=${V}
FROM alpine:${V}
