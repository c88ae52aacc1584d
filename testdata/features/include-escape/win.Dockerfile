# syntax=docker/dockerfile:1.4
# escape=`
RUN echo one `
  two `$DIR
WORKDIR ${DIR}\sub
