FROM alpine:3.19
RUN --mount=type=secret,id=multi \
    --mount=type=ssh,id=multissh \
    echo one && \
    echo two
# AFTER after a multi-line run
ARG AFTER=1
RUN --mount=type=secret,id=later,required=true \
    ls
# MULTI_ARG spans
ARG \
    MULTI_ARG=1
