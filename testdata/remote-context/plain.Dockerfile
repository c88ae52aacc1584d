FROM busybox
COPY . /downloaded
ENV PLAIN=1
