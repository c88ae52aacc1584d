# RUN --mount=from= with a long s
FROM busybox AS s0
RUN echo hi > /a

FROM busybox
RUN --mount=from=ſ0,target=/m cat /m/a
