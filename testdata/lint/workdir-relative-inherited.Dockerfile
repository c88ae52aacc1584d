FROM alpine:3.19 AS base
WORKDIR /srv
FROM base
WORKDIR data
