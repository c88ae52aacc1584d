FROM alpine:3.19
ENV BASE=/opt
ARG DEST=${BASE}/app
RUN echo $DEST
ARG X=${UNSET:-fallback}
RUN echo $X
