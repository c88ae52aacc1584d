# escape=`
FROM alpine:3.19 AS Win
RUN echo a `

  b
