FROM alpine:3.19
ENV D=/data
VOLUME $D ${D}2
