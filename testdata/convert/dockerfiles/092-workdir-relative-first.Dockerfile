FROM busybox:latest
WORKDIR app
RUN pwd
