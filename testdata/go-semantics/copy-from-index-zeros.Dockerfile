# COPY --from with leading zeros and signs: strconv.Atoi reads them as stage 0 and 1
FROM busybox AS a
FROM busybox AS b
FROM busybox
COPY --from=-0000000000000000000000000000 a /
COPY --from=+00000000000000000000000000001 b /
