# check=error=true
FROM alpine:3.19
RUN echo $NOT_DEFINED
