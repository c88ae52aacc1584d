FROM busybox AS builder
RUN echo built > /out
FROM busybox
ARG SRC=builder
COPY --from=${SRC} /out /out
