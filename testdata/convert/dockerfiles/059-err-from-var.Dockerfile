FROM alpine:3.19 AS src
FROM alpine:3.19
ARG S=src
COPY --from=$S /x /x
