ARG V=global
FROM alpine:3.19
ARG V
RUN echo $V
ARG V=local
RUN echo $V
