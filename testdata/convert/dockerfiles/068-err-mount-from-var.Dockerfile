FROM alpine:3.19
ARG X=foo
RUN --mount=from=$X,target=/x ls
