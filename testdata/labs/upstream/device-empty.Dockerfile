FROM busybox
RUN --device= true
RUN echo done
