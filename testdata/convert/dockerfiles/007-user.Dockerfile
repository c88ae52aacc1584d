FROM alpine:3.19
USER nobody
WORKDIR /home/nobody
RUN id
USER 1000:1000
