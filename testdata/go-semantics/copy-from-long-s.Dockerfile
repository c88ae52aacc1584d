# COPY --from finds stages by strings.ToLower, which keeps a long s
FROM busybox AS s0
RUN echo hi > /a

FROM busybox
COPY --from=ſ0 /a /b
