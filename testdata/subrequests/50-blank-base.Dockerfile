# The base name expands to nothing: upstream's outline error has no
# Dockerfile location (subrequest errors carry none).
ARG VAR
FROM alpine:3.19 AS ok
RUN true
FROM ${VAR}
RUN true
