# base sets up the toolchain
FROM alpine:3.19 AS base
# BASE_ARG from base
ARG BASE_ARG=base
RUN --mount=type=secret,id=base_secret ls

# middle adds more
FROM base AS middle
# MIDDLE_ARG from middle
ARG MIDDLE_ARG=middle
RUN --mount=type=ssh,id=middle_ssh ls

# top is last
FROM middle AS top
# TOP_ARG from top
ARG TOP_ARG=top-$MIDDLE_ARG
