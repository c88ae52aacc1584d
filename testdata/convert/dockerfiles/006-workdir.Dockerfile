FROM busybox:latest
WORKDIR /app
WORKDIR sub/dir
WORKDIR /
RUN pwd
