FROM alpine:3.19
ENV PATH=$PATH:/opt/bin
COPY $SRC /dst
