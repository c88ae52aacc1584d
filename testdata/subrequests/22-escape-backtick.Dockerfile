# escape=`
# WIN_ARG windows-ish
ARG WIN_ARG=C:\path
FROM alpine:3.19 AS win
ARG WIN_ARG
RUN echo `
    hi
