# parity: --target second
FROM alpine:3.19 AS first
ARG TARGETSTAGE
RUN echo $TARGETSTAGE

FROM first AS second
ARG TARGETSTAGE
RUN echo $TARGETSTAGE
