# COPY --from=-2^63: the smallest int64 is a stage index too
FROM busybox
COPY --from=-9223372036854775808 a /
