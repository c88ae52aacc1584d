FROM busybox
ADD --optional extras.tar /opt/
