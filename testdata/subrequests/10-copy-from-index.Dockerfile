FROM alpine:3.19
# FIRST in the first stage
ARG FIRST=1
RUN --mount=type=secret,id=first ls

FROM alpine:3.19
# SECOND in the second stage
ARG SECOND=2

FROM scratch
COPY --from=0 /a /a
