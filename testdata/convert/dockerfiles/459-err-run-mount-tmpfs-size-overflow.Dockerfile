FROM alpine:3.19
# A size beyond float64: strconv.ParseFloat fails with ErrRange.
RUN --mount=type=tmpfs,target=/t,size=1e400 true
