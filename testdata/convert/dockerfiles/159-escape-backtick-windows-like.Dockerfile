# escape=`
FROM alpine:3.19
ENV P=C:\path\to
RUN echo $P `
  && echo done
