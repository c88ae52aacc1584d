# REGISTRY where images come from
ARG REGISTRY=docker.io
# REPO the repository
ARG REPO=library
# IMAGE composed from others
ARG IMAGE=${REGISTRY}/${REPO}/alpine
# TAG the tag
ARG TAG=3.19
# UNRELATED not used
ARG UNRELATED=nope

FROM ${IMAGE}:${TAG}
RUN echo hi
