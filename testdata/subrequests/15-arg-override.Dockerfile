# GLOBAL a global arg
ARG GLOBAL=g
FROM alpine:3.19
# GLOBAL redeclared
ARG GLOBAL
# LOCAL local default
ARG LOCAL=l-$GLOBAL
RUN echo $GLOBAL $LOCAL
