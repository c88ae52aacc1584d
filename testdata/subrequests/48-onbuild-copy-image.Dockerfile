FROM alpine:3.19 AS base
ONBUILD COPY --from=alpine:3.19 /a /b
ONBUILD ENV OBENV=fromonbuild

FROM base
# X expands the trigger's env
ARG X=${OBENV}-x
