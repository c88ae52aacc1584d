FROM alpine:3.19 AS base
ONBUILD ENV A b
FROM base
RUN true
