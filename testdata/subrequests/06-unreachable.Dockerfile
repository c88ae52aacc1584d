# UNUSED_META never read by the default target
ARG UNUSED_META=x
# USED_META read by FROM
ARG USED_META=3.19

# unused is not reachable from the last stage
FROM alpine:${USED_META} AS unused
ARG UNUSED_STAGE_ARG=1
RUN --mount=type=secret,id=hidden ls

# final is the default target
FROM alpine:${USED_META} AS final
ARG FINAL_ARG=2
RUN --mount=type=secret,id=visible ls
