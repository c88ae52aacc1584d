# COPY --from=2^63-1: strconv.Atoi takes it, so it is a stage index (past the last stage), not an image; as a float64 it is 2^63
FROM busybox
COPY --from=9223372036854775807 a /
