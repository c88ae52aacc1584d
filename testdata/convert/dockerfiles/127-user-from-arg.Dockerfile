FROM alpine:3.19
ARG U=nobody
USER $U
RUN whoami
