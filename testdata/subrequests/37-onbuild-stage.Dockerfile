# helper provides files for the trigger
FROM alpine:3.19 AS helper
# HELPER_ARG read by the helper
ARG HELPER_ARG=h
RUN --mount=type=secret,id=helper_secret ls

# base declares triggers
FROM alpine:3.19 AS base
ONBUILD ARG OB_ARG=fromtrigger
ONBUILD RUN --mount=type=secret,id=ob_secret ls
ONBUILD RUN --mount=type=ssh,id=ob_ssh ls
ONBUILD COPY --from=helper /x /y

# final inherits the triggers
FROM base AS final
# FINAL_ARG read by final
ARG FINAL_ARG=f
