FROM busybox:latest
RUN true

EXPOSE 80/xyz
