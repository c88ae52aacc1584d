FROM alpine:3.19 AS leaf
# LEAF_ARG in the leaf
ARG LEAF_ARG=leaf
RUN --mount=type=secret,id=leaf_secret ls

FROM alpine:3.19 AS mid
RUN --mount=type=bind,from=leaf,target=/leaf ls
# MID_ARG in mid
ARG MID_ARG=mid

FROM mid AS top
COPY --from=leaf /x /x
